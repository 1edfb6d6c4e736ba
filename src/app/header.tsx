import { useStore } from 'zustand';
import { targetLabel, useConfig } from '../jobs/config-store';
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

/** Title, the current target, the view switch and Settings. */
export function Header({ view, onView, onSettings }: HeaderProps) {
  const { config, network } = useServices();
  const target = useConfig(config, (s) => s.settings.target);
  const online = useStore(network.store, (s) => s.online);
  const reachable = useStore(network.store, (s) => s.reachable);
  const state = !online ? 'offline' : reachable ? 'ok' : 'unreachable';
  const badge =
    state === 'offline'
      ? 'Offline'
      : `${targetLabel(target)}${state === 'unreachable' ? ' unreachable' : ''}`;
  return (
    <header className="app-header">
      <h1>Imagine Studio</h1>
      <span
        className={`target-badge ${state}`}
        role="status"
        aria-label="Connection"
        title={`Target: ${targetLabel(target)}`}
      >
        {badge}
      </span>
      <nav className="tabs" aria-label="Views">
        <button
          type="button"
          aria-current={view === 'studio' ? 'page' : undefined}
          onClick={() => onView('studio')}
        >
          Studio
        </button>
        <button
          type="button"
          aria-current={view === 'history' ? 'page' : undefined}
          onClick={() => onView('history')}
        >
          History
        </button>
      </nav>
      <ShortcutsHelp />
      <button type="button" onClick={onSettings}>
        Settings
      </button>
    </header>
  );
}
