import { msg } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { useState, type KeyboardEvent } from 'react';
import { PartBoundary } from '../../components/ui/part-boundary';
import { useJobs } from '../../jobs/store';
import { isJobActive, type Job } from '../../jobs/job';
import { isRateLimited } from '../../jobs/machine/limits';
import { jobText } from '../../jobs/job-text';
import { lazyPart } from '../../lazy/lazy-part';
import { ActionBar } from './action-bar';
import { expectedAspect } from './aspect';
import { CardTitle, useCardName } from './card-title';
import { Elapsed } from './elapsed';
import { useFeedActions } from './feed-actions';
import { JobControls } from './job-controls';
import { JobImage } from './job-image';
import { useStatusText } from './status-text';
import { LazyDescribeCard, LazyImageTools, LazyVideoCard } from './lazy-endpoint-ui';
import { ResultMenu } from './result-menu';

const Lightbox = lazyPart(() => import('./lightbox').then((m) => m.Lightbox));
// A failure's advice and remedies are only needed once something fails: not at first paint.
const JobError = lazyPart(() => import('./job-error').then((m) => m.JobError));
const RateLimitNotice = lazyPart(() =>
  import('./rate-limit-notice').then((m) => m.RateLimitNotice),
);

/** Props of {@link JobCard}. */
export interface JobCardProps {
  jobId: string;
}

/** One job in the feed: live while it forms, then its result, actions and provenance. */
export function JobCard({ jobId }: JobCardProps) {
  const job = useJobs((s) => s.byId[jobId]);
  if (!job) return null;
  // Kinds with a card of their own; pictures (grids and single images) are the default.
  if (job.kind === 'describe') return <LazyDescribeCard job={job} />;
  return <LoadedCard job={job} />;
}

function LoadedCard({ job }: { job: Job }) {
  const parent = useJobs((s) => (job.parent?.jobId ? s.byId[job.parent.jobId] : undefined));
  const { act, dismiss, cardOf } = useFeedActions();
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

  // The body by what the job's kind shows; kinds with their own cards add a case here. A video
  // job shows its clips once done; until then it forms like a picture. Pictures are the default.
  const card = cardOf(job);
  let body;
  switch (card === 'video' && job.status !== 'done' ? 'image' : card) {
    case 'video':
      body = <LazyVideoCard job={job} />;
      break;
    default:
      body = (
        <>
          {(live || job.result || job.preview) && (
            <JobImage
              job={job}
              aspect={expectedAspect(job, parent)}
              selected={selected}
              onSelect={setSelected}
              onOpen={() => setOpen(true)}
            />
          )}
          {job.status === 'done' && <ActionBar job={job} selected={selected} />}
          {job.status === 'done' && <LazyImageTools job={job} />}
          {job.status === 'done' && (
            <ResultMenu job={job} selected={selected} onOpen={() => setOpen(true)} />
          )}
        </>
      );
  }

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
        <button
          type="button"
          className="icon-button dismiss"
          aria-label={t({ message: 'Delete', context: 'delete a job from the feed' })}
          title={t`Delete this job (Undo is offered)`}
          onClick={() => dismiss(job.id)}
        >
          ×
        </button>
      </header>
      {body}
      {live && (
        <div
          className="progress"
          role="progressbar"
          aria-label={t`Generation progress`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={job.progress}
        >
          <div className="progress-fill" style={{ width: `${job.progress}%` }} />
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
      {job.note && <p className="hint job-note">{jobText(job.note, i18n)}</p>}
      <JobControls job={job} />
      {open && job.result?.raw_image_url && (
        <PartBoundary name={msg`the full-size view`} onClose={() => setOpen(false)}>
          <Lightbox job={job} alt={title} onClose={() => setOpen(false)} />
        </PartBoundary>
      )}
    </article>
  );
}
