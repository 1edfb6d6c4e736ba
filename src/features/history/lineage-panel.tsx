import { useId, useMemo } from 'react';
import { useStore } from 'zustand';
import { actionLabel } from '../../api/action-labels';
import { jobTitle } from '../../jobs/job';
import { useHistoryDeps } from './history-context';
import { HistoryImage } from './history-image';
import { jobAction } from '../../jobs/job-names';
import { childrenIndex, lineageOf } from './lineage';
import { LineageLink } from './lineage-link';
import { LineageTree } from './lineage-tree';

/** Props of {@link LineagePanel}. */
export interface LineagePanelProps {
  jobId: string;
  onSelect: (id: string) => void;
  onOpenJob: (id: string) => void;
  onClose: () => void;
}

/** The selected job, where it came from and what was made from it, each one clickable. */
export function LineagePanel({ jobId, onSelect, onOpenJob, onClose }: LineagePanelProps) {
  const { store } = useHistoryDeps();
  const headingId = useId();
  const byId = useStore(store, (s) => s.byId);
  const index = useMemo(() => childrenIndex(byId), [byId]);
  const lineage = useMemo(() => lineageOf(jobId, byId, index), [jobId, byId, index]);
  const job = byId[jobId];
  if (!job) return null;
  const title = jobTitle(job);

  return (
    <aside className="lineage panel" aria-labelledby={headingId}>
      <div className="lineage-head">
        <h3 id={headingId}>Lineage</h3>
        <button type="button" className="icon-button" aria-label="Close lineage" onClick={onClose}>
          ×
        </button>
      </div>
      <HistoryImage job={job} size={240} />
      <p className="lineage-title">{title}</p>
      <p className="hint">
        {actionLabel(jobAction(job))} · {job.status} · {new Date(job.createdAt).toLocaleString()}
      </p>
      {job.error && <p className="history-error-text">{job.error.message}</p>}
      <button type="button" className="primary" onClick={() => onOpenJob(jobId)}>
        Open in studio
      </button>

      <h4>Made from</h4>
      {lineage.ancestors.length === 0 && !lineage.parentMissing && (
        <p className="hint">A fresh prompt.</p>
      )}
      {lineage.parentMissing && <p className="hint">An image that is no longer in the history.</p>}
      {lineage.ancestors.length > 0 && (
        <ol className="lineage-ancestors" aria-label="Ancestors">
          {lineage.ancestors.map((id) => (
            <li key={id}>
              <LineageLink id={id} onSelect={onSelect} />
            </li>
          ))}
        </ol>
      )}

      <h4>Made from this</h4>
      {lineage.descendants.length === 0 ? (
        <p className="hint">Nothing yet.</p>
      ) : (
        <div role="group" aria-label="Descendants">
          <LineageTree nodes={lineage.descendants} onSelect={onSelect} />
        </div>
      )}
    </aside>
  );
}
