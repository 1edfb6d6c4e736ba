import { JOB_STATUSES, type JobStatus } from '../../jobs/job';
import type { HistoryFilter } from './history-filter';
import { ACTION_KINDS, type ActionKind } from './job-labels';

/** Props of {@link HistoryFilters}. */
export interface HistoryFiltersProps {
  filter: HistoryFilter;
  onChange: (filter: HistoryFilter) => void;
}

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

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
      <label className="field">
        <span>Status</span>
        <select
          value={filter.status}
          onChange={(e) => set('status', e.target.value as JobStatus | 'all')}
        >
          <option value="all">All</option>
          {JOB_STATUSES.map((status) => (
            <option key={status} value={status}>
              {capitalise(status)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Action</span>
        <select
          value={filter.action}
          onChange={(e) => set('action', e.target.value as ActionKind | 'all')}
        >
          <option value="all">All</option>
          {ACTION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kind === 'region' ? 'Vary (Region)' : capitalise(kind)}
            </option>
          ))}
        </select>
      </label>
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
