import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useLingui } from '@lingui/react/macro';

/** Props of {@link ModalDialog}. */
export interface ModalDialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  /** Hide the visible title (it still names the dialog for assistive tech). */
  hideTitle?: boolean;
}

/**
 * A modal built on the native `<dialog>`: the browser traps focus, closes on Escape and restores
 * focus to the opener, so every dialog in the studio behaves the same for keyboard users.
 */
export function ModalDialog({ title, onClose, children, className, hideTitle }: ModalDialogProps) {
  const { t } = useLingui();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal?.();
    const handleClose = () => closeRef.current();
    dialog.addEventListener('close', handleClose);
    return () => {
      dialog.removeEventListener('close', handleClose);
      if (dialog.open) dialog.close();
      opener?.focus?.();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`modal ${className ?? ''}`}
      aria-labelledby={titleId}
      onClick={(e) => {
        // A click on the backdrop (the dialog element itself) closes, as people expect.
        if (e.target === ref.current) ref.current?.close();
      }}
    >
      <div className="modal-body">
        <header className="modal-head">
          <h2 id={titleId} className={hideTitle ? 'visually-hidden' : undefined}>
            {title}
          </h2>
          <button
            type="button"
            className="icon-button"
            aria-label={t`Close`}
            onClick={() => ref.current?.close()}
          >
            ×
          </button>
        </header>
        {children}
      </div>
    </dialog>
  );
}
