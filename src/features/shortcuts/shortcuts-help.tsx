import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { msg } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { PartBoundary } from '../../components/ui/part-boundary';
import { lazyPart } from '../../lazy/lazy-part';

// The list loads on first use: it is not needed to write a prompt and watch it form.
const ShortcutsDialog = lazyPart(() => import('./shortcuts-dialog').then((m) => m.ShortcutsDialog));

function isTyping(t: EventTarget | null): boolean {
  return (
    t instanceof HTMLTextAreaElement ||
    t instanceof HTMLSelectElement ||
    (t instanceof HTMLInputElement && !['range', 'checkbox', 'radio', 'button'].includes(t.type)) ||
    (t instanceof HTMLElement && t.isContentEditable)
  );
}

/**
 * The "Keyboard shortcuts" button and dialog, also opened with `?` (not while typing, and not
 * over another dialog, whose own keys come first).
 */
export function ShortcutsHelp() {
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== '?' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      if (isTyping(e.target) || document.querySelector('dialog[open]')) return;
      e.preventDefault();
      setOpen(true);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <>
      <button
        type="button"
        className="shortcuts-button"
        aria-keyshortcuts="?"
        onClick={() => setOpen(true)}
      >
        <Trans>Keyboard shortcuts</Trans>
      </button>
      {/* Portalled: the button sits in the page header, and a dialog inside a banner landmark
          would nest landmarks. */}
      {open &&
        createPortal(
          <PartBoundary name={msg`the keyboard shortcuts`} onClose={() => setOpen(false)}>
            <ShortcutsDialog onClose={() => setOpen(false)} />
          </PartBoundary>,
          document.body,
        )}
    </>
  );
}
