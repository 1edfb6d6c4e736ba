import { useEffect, useRef, type SyntheticEvent } from 'react';

/**
 * Opens a native <dialog> as modal (the page behind becomes inert, Escape raises "cancel") and
 * gives focus back to whatever opened it when the dialog goes away.
 */
export function useModalDialog(onClose: () => void) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open && typeof dialog.showModal === 'function') dialog.showModal();
    // Focus the dialog itself: the person hears its name first, and no button is one keypress
    // away from being pressed by accident.
    dialog.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const onCancel = (e: SyntheticEvent<HTMLDialogElement>) => {
    // Escape: let the owner decide (it unmounts us) rather than closing behind React's back.
    e.preventDefault();
    onClose();
  };

  return { ref, onCancel };
}
