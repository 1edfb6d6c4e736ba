import { useLingui } from '@lingui/react/macro';
import { ModalDialog } from '../../components/ui/modal-dialog';
import type { MessageDescriptor } from '@lingui/core';
import { SHORTCUT_GROUPS } from './shortcut-list';
import './shortcuts.css';

/** The list of the studio's keyboard shortcuts, by where they work. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useLingui();
  const say = (text: string | MessageDescriptor) =>
    typeof text === 'string' ? text : i18n._(text);
  return (
    <ModalDialog title={t`Keyboard shortcuts`} onClose={onClose} className="shortcuts-dialog">
      {SHORTCUT_GROUPS.map((group) => (
        <section key={group.where.id} aria-label={say(group.where)}>
          <h3>{say(group.where)}</h3>
          <dl className="shortcut-list">
            {group.shortcuts.map((s) => (
              <div key={s.does.id}>
                <dt>
                  {s.keys.map((k, i) => (
                    <span key={i}>
                      {i > 0 && (s.either ? ' / ' : ' + ')}
                      <kbd>{say(k)}</kbd>
                    </span>
                  ))}
                </dt>
                <dd>{say(s.does)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </ModalDialog>
  );
}
