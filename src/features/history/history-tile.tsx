import { useStore } from 'zustand';
import { useLingui } from '@lingui/react/macro';
import { actionName } from '../../jobs/action-names';
import { formatDate } from '../../i18n/format';
import { statusWord } from './status-words';
import { jobTitle } from '../../jobs/job';
import { useHistoryDeps } from './history-context';
import { HistoryImage } from './history-image';
import { jobAction } from '../../jobs/job-names';
import { TILE_HEIGHT, TILE_WIDTH } from './tile-size';

/** Props of {@link HistoryTile}. */
export interface HistoryTileProps {
  id: string;
  selected: boolean;
  /** The job whose lineage is open. */
  active: boolean;
  onToggle: (id: string) => void;
  onOpen: (id: string) => void;
}

/**
 * One job in the gallery: a button named by its prompt (opens the lineage) and a "Select …"
 * checkbox. Fixed size whatever the image, status or prompt length.
 */
export function HistoryTile({ id, selected, active, onToggle, onOpen }: HistoryTileProps) {
  const { store } = useHistoryDeps();
  const job = useStore(store, (s) => s.byId[id]);
  const { i18n, t } = useLingui();
  if (!job) return null;
  const title = jobTitle(job, i18n);
  // Hovering shows the whole prompt: the title under the picture is cut to its width.
  const prompt = typeof job.request.prompt === 'string' ? job.request.prompt.trim() : '';
  const when = new Date(job.createdAt);

  return (
    <div
      className="history-tile"
      data-selected={selected || undefined}
      data-status={job.status}
      style={{ width: TILE_WIDTH, height: TILE_HEIGHT }}
    >
      <button
        type="button"
        className="history-tile-open"
        title={prompt || title}
        aria-current={active || undefined}
        onClick={() => onOpen(id)}
      >
        <HistoryImage job={job} size={TILE_WIDTH} />
        <span className="history-tile-title">{title}</span>
      </button>
      <input
        type="checkbox"
        className="history-tile-check"
        aria-label={t`Select ${title}`}
        checked={selected}
        onChange={() => onToggle(id)}
      />
      <span className="history-tile-meta">
        <span>{actionName(jobAction(job), i18n)}</span>
        {job.status !== 'done' && (
          <span className={`history-status ${job.status}`}>{statusWord(job.status, i18n)}</span>
        )}
        <time dateTime={when.toISOString()}>{formatDate(when)}</time>
      </span>
    </div>
  );
}
