import { SelectField } from '../../components/ui/select-field';
import { JOB_STATUSES, type JobStatus } from '../../jobs/job';
import type { HistoryFilter } from './history-filter';
import { ACTION_KINDS, type ActionKind } from './job-labels';

/** Props of {@link HistoryFilters}. */
export interface HistoryFiltersProps {
  filter: HistoryFilter;
  onChange: (filter: HistoryFilter) => void;
}

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

const STATUS_OPTIONS = [
  { value: 'all', label: 'All' },
  ...JOB_STATUSES.map((status) => ({ value: status, label: capitalise(status) })),
];
const ACTION_OPTIONS = [
  { value: 'all', label: 'All' },
  ...ACTION_KINDS.map((kind) => ({
    value: kind,
    label: kind === 'region' ? 'Vary (Region)' : capitalise(kind),
  })),
];

/** Search box and the Status, Action, From and To filters, each with a visible label. */
export function HistoryFilters({ filter, onChange }: HistoryFiltersProps) {
  const set = <K extends keyof HistoryFilter>(key: K, value: HistoryFilter[K]) =>
    onChange({ ...filter, [key]: value });

  return (
    <div className="history-filters" role="search">
      <label className="field history-search">
        <span>Search prompts</span>
        <input
          type="search"
          placeholder="Words from the prompt…"
          value={filter.query}
          onChange={(e) => set('query', e.target.value)}
        />
      </label>
      <SelectField
        label="Status"
        value={filter.status}
        options={STATUS_OPTIONS}
        onChange={(value) => set('status', value as JobStatus | 'all')}
      />
      <SelectField
        label="Action"
        value={filter.action}
        options={ACTION_OPTIONS}
        onChange={(value) => set('action', value as ActionKind | 'all')}
      />
      <label className="field">
        <span>From</span>
        <input
          type="date"
          value={filter.from}
          max={filter.to || undefined}
          onChange={(e) => set('from', e.target.value)}
        />
      </label>
      <label className="field">
        <span>To</span>
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
