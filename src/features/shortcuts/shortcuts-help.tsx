import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { ModalDialog } from '../../components/ui/modal-dialog';
import { SHORTCUT_GROUPS } from './shortcut-list';
import './shortcuts.css';

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
        Keyboard shortcuts
      </button>
      {/* Portalled: the button sits in the page header, and a dialog inside a banner landmark
          would nest landmarks. */}
      {open &&
        createPortal(
          <ModalDialog
            title="Keyboard shortcuts"
            onClose={() => setOpen(false)}
            className="shortcuts-dialog"
          >
            {SHORTCUT_GROUPS.map((group) => (
              <section key={group.where} aria-label={group.where}>
                <h3>{group.where}</h3>
                <dl className="shortcut-list">
                  {group.shortcuts.map((s) => (
                    <div key={`${s.keys.join('+')}-${s.does}`}>
                      <dt>
                        {s.keys.map((k, i) => (
                          <span key={k}>
                            {i > 0 && ' + '}
                            <kbd>{k}</kbd>
                          </span>
                        ))}
                      </dt>
                      <dd>{s.does}</dd>
                    </div>
                  ))}
                </dl>
              </section>
            ))}
          </ModalDialog>,
          document.body,
        )}
    </>
  );
}
