import { useStore } from 'zustand';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { useConfig, type Target } from '../settings/config-store';
import { useServices } from './services-context';
import { ShortcutsHelp } from '../features/shortcuts/shortcuts-help';

/** The two views of the studio. */
export type View = 'studio' | 'history';

/** Props of {@link Header}. */
export interface HeaderProps {
  view: View;
  onView: (view: View) => void;
  onSettings: () => void;
}

const TARGET_NAMES = {
  local: msg`Local engine`,
  acedata: msg`AceData`,
  'acedata-proxy': msg`AceData (via studio)`,
} satisfies Record<Target, unknown>;

/** Title, the current target, the view switch and Settings. */
export function Header({ view, onView, onSettings }: HeaderProps) {
  const { t } = useLingui();
  const { config, network } = useServices();
  const target = useConfig(config, (s) => s.settings.target);
  const online = useStore(network.store, (s) => s.online);
  const reachable = useStore(network.store, (s) => s.reachable);
  const state = !online ? 'offline' : reachable ? 'ok' : 'unreachable';
  const name = t(TARGET_NAMES[target]);
  const badge =
    state === 'offline' ? t`Offline` : state === 'unreachable' ? t`${name} unreachable` : name;
  return (
    <header className="app-header">
      <h1>Imagine Studio</h1>
      <span
        className={`target-badge ${state}`}
        role="status"
        aria-label={t`Connection`}
        title={t`Target: ${name}`}
      >
        {badge}
      </span>
      <nav className="tabs" aria-label={t`Views`}>
        <button
          type="button"
          aria-current={view === 'studio' ? 'page' : undefined}
          onClick={() => onView('studio')}
        >
          <Trans>Studio</Trans>
        </button>
        <button
          type="button"
          aria-current={view === 'history' ? 'page' : undefined}
          onClick={() => onView('history')}
        >
          <Trans>History</Trans>
        </button>
      </nav>
      <ShortcutsHelp />
      <button type="button" onClick={onSettings}>
        <Trans>Settings</Trans>
      </button>
    </header>
  );
}
