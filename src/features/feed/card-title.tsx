import { useLingui } from '@lingui/react/macro';
import { useShallow } from 'zustand/react/shallow';
import { targetLabel, type Target } from '../../settings/config-store';
import type { Job } from '../../jobs/job';
import { cardName } from '../../jobs/job-names';
import { useJobs } from '../../jobs/store';
import { useFeedActions } from '../../kinds/shared/card-actions';
import { useFeedWindow } from './feed-window';
import { BatchLink } from './batch-link';

/** Props of {@link CardTitle}. */
export interface CardTitleProps {
  job: Job;
}

/** The title of a card with the parts of its lineage, read once per store change. */
export function useCardName(job: Job) {
  const { i18n } = useLingui();
  return useJobs(useShallow((s) => cardName(job, (id) => s.byId[id], i18n)));
}

/**
 * What a card is: a fresh prompt by its prompt; a derived job by what it is and what it came
 * from ("V1 of Zoom Out 2x · from U2 of …", the parent a link to its card), with the prompt
 * second; and the target the job went to when Settings now point elsewhere.
 */
export function CardTitle({ job }: CardTitleProps) {
  const name = useCardName(job);
  const { reveal } = useFeedWindow();
  const current = useFeedActions().useCurrentTarget();
  const parentId = job.parent?.jobId;
  const parentShown = useJobs((s) => !!parentId && !!s.byId[parentId]);
  const elsewhere = job.target && job.target.name !== current ? job.target.name : undefined;
  const { i18n, t } = useLingui();
  const sentTo = elsewhere && targetLabel(elsewhere as Target, i18n);

  return (
    <div className="card-title">
      <p className="job-title">
        {!name.parent && name.title}
        {name.lead}
        {name.parent &&
          (parentShown && parentId ? (
            <a
              href={`#job-${parentId}`}
              onClick={(e) => {
                e.preventDefault();
                reveal(parentId);
              }}
            >
              {name.parent}
            </a>
          ) : (
            <span>{name.parent}</span>
          ))}
        {name.rest}
      </p>
      {name.prompt && <p className="job-prompt">{name.prompt}</p>}
      {sentTo && <p className="job-target">{t`Sent to ${sentTo}`}</p>}
      <BatchLink job={job} />
    </div>
  );
}
