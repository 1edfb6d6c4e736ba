import { ModalDialog } from '../../components/ui/modal-dialog';
import { SHORTCUT_GROUPS } from './shortcut-list';
import './shortcuts.css';

/** The list of the studio's keyboard shortcuts, by where they work. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <ModalDialog title="Keyboard shortcuts" onClose={onClose} className="shortcuts-dialog">
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
    </ModalDialog>
  );
}
