import { useId } from 'react';
import { Trans, useLingui } from '@lingui/react/macro';
import { useRememberedFlag } from '../../components/ui/remembered-flag';
import { SelectField } from '../../components/ui/select-field';
import { DateField } from './date-field';
import { JOB_STATUSES } from '../../api/job-statuses';
import type { JobStatus } from '../../jobs/job';
import type { HistoryFilter } from './history-filter';
import { ACTION_KINDS, type ActionKind } from './job-labels';
import { actionKindLabel, statusLabel } from './status-words';

/** Props of {@link HistoryFilters}. */
export interface HistoryFiltersProps {
  filter: HistoryFilter;
  onChange: (filter: HistoryFilter) => void;
}

/** Where the open or closed state of the Status, Action, From and To filters is kept. */
export const FILTERS_OPEN_KEY = 'imagine-studio.history-filters-open';

/** How many of the Status, Action, From and To filters narrow the gallery now. */
export function activeFilters(filter: HistoryFilter): number {
  return [filter.status !== 'all', filter.action !== 'all', !!filter.from, !!filter.to].filter(
    Boolean,
  ).length;
}

/**
 * One row: the search box and a Filters button that says how many filters are on; the Status,
 * Action, From and To filters open under it (remembered), so the gallery starts high on the page.
 */
export function HistoryFilters({ filter, onChange }: HistoryFiltersProps) {
  const { i18n, t } = useLingui();
  const panelId = useId();
  const [open, setOpen] = useRememberedFlag(FILTERS_OPEN_KEY, false);
  const active = activeFilters(filter);
  const statusOptions = [
    { value: 'all', label: t`All` },
    ...JOB_STATUSES.map((status) => ({ value: status, label: statusLabel(status, i18n) })),
  ];
  const actionOptions = [
    { value: 'all', label: t`All` },
    ...ACTION_KINDS.map((kind) => ({ value: kind, label: actionKindLabel(kind, i18n) })),
  ];
  const set = <K extends keyof HistoryFilter>(key: K, value: HistoryFilter[K]) =>
    onChange({ ...filter, [key]: value });

  return (
    <div className="history-filters" role="search">
      <div className="history-filter-row">
        <label className="history-search">
          <span className="visually-hidden">
            <Trans>Search prompts</Trans>
          </span>
          <input
            type="search"
            placeholder={t`Search prompts…`}
            value={filter.query}
            onChange={(e) => set('query', e.target.value)}
          />
        </label>
        <button
          type="button"
          className="filters-toggle"
          aria-expanded={open}
          aria-controls={panelId}
          aria-pressed={active > 0 ? true : undefined}
          onClick={() => setOpen(!open)}
        >
          {active > 0 ? t`Filters · ${active}` : t`Filters`}
        </button>
      </div>
      <div id={panelId} className="history-more-filters" hidden={!open}>
        <SelectField
          label={t`Status`}
          value={filter.status}
          options={statusOptions}
          onChange={(value) => set('status', value as JobStatus | 'all')}
        />
        <SelectField
          label={t`Action`}
          value={filter.action}
          options={actionOptions}
          onChange={(value) => set('action', value as ActionKind | 'all')}
        />
        <DateField
          label={t`From`}
          value={filter.from}
          max={filter.to}
          onChange={(value) => set('from', value)}
        />
        <DateField
          label={t`To`}
          value={filter.to}
          min={filter.from}
          onChange={(value) => set('to', value)}
        />
      </div>
    </div>
  );
}
