import { useStore } from 'zustand';
import { useLingui } from '@lingui/react/macro';
import { actionName } from '../../jobs/action-names';
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
  const { i18n } = useLingui();
  if (!job) return null;
  return (
    <button type="button" className="lineage-link" onClick={() => onSelect(id)}>
      <HistoryImage job={job} size={40} />
      <span>
        {actionName(jobAction(job), i18n)} — {jobTitle(job, i18n)}
      </span>
    </button>
  );
}
