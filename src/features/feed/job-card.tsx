import { msg } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { useState, type KeyboardEvent } from 'react';
import { PartBoundary } from '../../components/ui/part-boundary';
import { useJobs } from '../../jobs/store';
import { isJobActive } from '../../jobs/job';
import { isRateLimited } from '../../jobs/machine/limits';
import { say } from '../../i18n/say';
import { lazyPart } from '../../lazy/lazy-part';
import { useFeedActions } from '../../kinds/shared/card-actions';
import type { CardFrameProps } from '../../kinds/shared/card-props';
import { DeleteJobButton } from '../../kinds/shared/delete-job-button';
import { Elapsed } from '../../kinds/shared/elapsed';
import { CardTitle, useCardName } from './card-title';
import { JobControls } from './job-controls';
import { useStatusText } from '../../kinds/shared/status-text';

const Lightbox = lazyPart(() =>
  import('../../kinds/shared/picture/lightbox').then((m) => m.Lightbox),
);
// A failure's advice and remedies are only needed once something fails: not at first paint.
const JobError = lazyPart(() => import('../../kinds/shared/job-error').then((m) => m.JobError));
const RateLimitNotice = lazyPart(() =>
  import('./rate-limit-notice').then((m) => m.RateLimitNotice),
);

/** Props of {@link JobCard}. */
export interface JobCardProps {
  jobId: string;
}

/** One job in the feed, drawn by its kind's own card (`src/kinds/<name>/`). */
export function JobCard({ jobId }: JobCardProps) {
  const job = useJobs((s) => s.byId[jobId]);
  const { kindOf } = useFeedActions();
  if (!job) return null;
  const Card = kindOf(job)?.card?.Card;
  return Card ? <Card job={job} Frame={CardFrame} /> : null;
}

/**
 * The frame every kind's card draws its body in: live while the job forms, then its result,
 * actions and provenance.
 */
export function CardFrame({ job, body }: CardFrameProps) {
  const parent = useJobs((s) => (job.parent?.jobId ? s.byId[job.parent.jobId] : undefined));
  const { act } = useFeedActions();
  const { i18n, t } = useLingui();
  const title = useCardName(job).title;
  const [selected, setSelected] = useState<number | null>(null);
  const [open, setOpen] = useState(false);
  const actions = job.result?.actions ?? [];
  const live = isJobActive(job);
  const status = useStatusText(job);

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.target !== e.currentTarget || e.ctrlKey || e.metaKey || e.altKey) return;
    const key = e.key.toLowerCase();
    if (/^[1-4]$/.test(key)) setSelected(Number(key));
    else if ((key === 'u' || key === 'v') && selected) {
      const action = `${key === 'u' ? 'upscale' : 'variation'}${selected}`;
      if (actions.includes(action)) act(job, action);
    } else if (key === 'r' && actions.includes('reroll')) act(job, 'reroll');
    else return;
    e.preventDefault();
  };

  return (
    <article
      id={`job-${job.id}`}
      className={`job-card status-${job.status}`}
      aria-label={title}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <header className="job-head">
        <CardTitle job={job} />
        <span className={`status-chip ${job.status}`}>{status}</span>
        {live && job.status !== 'queued' && <span className="pct">{job.progress}%</span>}
        <Elapsed from={job.startedAt ?? job.createdAt} to={job.finishedAt} />
        <DeleteJobButton jobId={job.id} />
      </header>
      {body({ parent, selected, onSelect: setSelected, onOpen: () => setOpen(true) })}
      {live && (
        <div
          className="progress"
          role="progressbar"
          aria-label={t`Generation progress`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={job.progress}
        >
          <div className="progress-fill" style={{ transform: `scaleX(${job.progress / 100})` }} />
        </div>
      )}
      {isRateLimited(job) && (
        <PartBoundary name={msg`the rate limit's details`}>
          <RateLimitNotice job={job} />
        </PartBoundary>
      )}
      {job.status === 'failed' && (
        <PartBoundary name={msg`the error's details`}>
          <JobError job={job} />
        </PartBoundary>
      )}
      {job.note && <p className="hint job-note">{say(job.note, i18n)}</p>}
      <JobControls job={job} />
      {open && job.result?.raw_image_url && (
        <PartBoundary name={msg`the full-size view`} onClose={() => setOpen(false)}>
          <Lightbox job={job} alt={title} onClose={() => setOpen(false)} />
        </PartBoundary>
      )}
    </article>
  );
}
