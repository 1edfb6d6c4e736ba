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
      <button type="button" className="settings-button" onClick={onSettings}>
        {/* On a phone the header keeps one row: Settings is its gear there, named all the same. */}
        <svg
          className="settings-icon"
          viewBox="0 0 24 24"
          width="18"
          height="18"
          aria-hidden="true"
        >
          {/* A gear: a toothed ring (a dashed thick circle) around a hub. */}
          <circle
            cx="12"
            cy="12"
            r="8"
            fill="none"
            stroke="currentColor"
            strokeWidth="4"
            strokeDasharray="3.14 3.14"
          />
          <circle cx="12" cy="12" r="6" fill="none" stroke="currentColor" strokeWidth="2.5" />
        </svg>
        <span className="settings-label">
          <Trans>Settings</Trans>
        </span>
      </button>
    </header>
  );
}
