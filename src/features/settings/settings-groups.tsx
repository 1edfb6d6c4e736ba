import type { ReactNode } from 'react';
import { useRememberedFlag } from '../../components/ui/remembered-flag';

/** Props of {@link SettingsGroup}. */
export interface SettingsGroupProps {
  title: string;
  children: ReactNode;
}

/** One group of Settings: a fieldset named by its legend, so a screen reader says the group. */
export function SettingsGroup({ title, children }: SettingsGroupProps) {
  return (
    <fieldset className="settings-group">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}

/** Where the Advanced group's open or closed state is kept between visits. */
export const ADVANCED_OPEN_KEY = 'imagine-studio.settings-advanced-open';

/** Props of {@link AdvancedGroup}. */
export interface AdvancedGroupProps {
  title: string;
  /** What is inside, said on the closed group so nobody has to open it to find out. */
  summary: string;
  children: ReactNode;
}

/**
 * The developer's fields (delivery, callback, mask format, timeouts): closed by default so the
 * everyday choices come first, and opened or closed as the person last left it.
 */
export function AdvancedGroup({ title, summary, children }: AdvancedGroupProps) {
  const [open, setOpen] = useRememberedFlag(ADVANCED_OPEN_KEY, false);
  return (
    <details
      className="settings-group advanced"
      open={open}
      onToggle={(e) => {
        const now = e.currentTarget.open;
        if (now !== open) setOpen(now);
      }}
    >
      <summary>
        <span className="settings-group-title">{title}</span>{' '}
        <span className="settings-group-summary">{summary}</span>
      </summary>
      {children}
    </details>
  );
}
