import { useStore } from 'zustand';
import { actionLabel } from '../../api/action-labels';
import { jobTitle } from '../../jobs/job';
import { useHistoryDeps } from './history-context';
import { HistoryImage } from './history-image';
import { jobAction } from '../../jobs/job-names';

/** Props of {@link LineageLink}. */
export interface LineageLinkProps {
  id: string;
  onSelect: (id: string) => void;
}

/** One job in a lineage: a small picture and "U2 — prompt"; selecting it shows its lineage. */
export function LineageLink({ id, onSelect }: LineageLinkProps) {
  const { store } = useHistoryDeps();
  const job = useStore(store, (s) => s.byId[id]);
  if (!job) return null;
  return (
    <button type="button" className="lineage-link" onClick={() => onSelect(id)}>
      <HistoryImage job={job} size={40} />
      <span>
        {actionLabel(jobAction(job))} — {jobTitle(job)}
      </span>
    </button>
  );
}
