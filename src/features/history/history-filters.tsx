import { Trans, useLingui } from '@lingui/react/macro';
import { SelectField } from '../../components/ui/select-field';
import { JOB_STATUSES, type JobStatus } from '../../jobs/job';
import type { HistoryFilter } from './history-filter';
import { ACTION_KINDS, type ActionKind } from './job-labels';
import { actionKindLabel, statusLabel } from './status-words';

/** Props of {@link HistoryFilters}. */
export interface HistoryFiltersProps {
  filter: HistoryFilter;
  onChange: (filter: HistoryFilter) => void;
}

/** Search box and the Status, Action, From and To filters, each with a visible label. */
export function HistoryFilters({ filter, onChange }: HistoryFiltersProps) {
  const { i18n, t } = useLingui();
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
      <label className="field history-search">
        <span>
          <Trans>Search prompts</Trans>
        </span>
        <input
          type="search"
          placeholder={t`Words from the prompt…`}
          value={filter.query}
          onChange={(e) => set('query', e.target.value)}
        />
      </label>
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
      <label className="field">
        <span>
          <Trans>From</Trans>
        </span>
        <input
          type="date"
          value={filter.from}
          max={filter.to || undefined}
          onChange={(e) => set('from', e.target.value)}
        />
      </label>
      <label className="field">
        <span>
          <Trans>To</Trans>
        </span>
        <input
          type="date"
          value={filter.to}
          min={filter.from || undefined}
          onChange={(e) => set('to', e.target.value)}
        />
      </label>
    </div>
  );
}
