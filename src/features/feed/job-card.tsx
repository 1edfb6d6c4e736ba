import { lazy, Suspense, useState, type KeyboardEvent } from 'react';
import { useJobs } from '../../jobs/store';
import { actionLabel } from '../../api/action-labels';
import { isJobActive, jobTitle, type Job } from '../../jobs/job';
import { ActionBar } from './action-bar';
import { expectedAspect } from './aspect';
import { Elapsed } from './elapsed';
import { useFeedActions } from './feed-actions';
import { useFeedWindow } from './feed-window';
import { JobControls } from './job-controls';
import { JobError } from './job-error';
import { JobImage } from './job-image';
import { ResultMenu } from './result-menu';

const Lightbox = lazy(() => import('./lightbox').then((m) => ({ default: m.Lightbox })));
// Clips load with the first video job on screen, not with the studio.
const VideoCard = lazy(() => import('./video-card').then((m) => ({ default: m.VideoCard })));

/** Props of {@link JobCard}. */
export interface JobCardProps {
  jobId: string;
}

const STATUS_TEXT: Record<Job['status'], string> = {
  queued: 'Queued',
  running: 'Generating',
  done: 'Done',
  failed: 'Failed',
  stalled: 'Stalled',
  cancelled: 'Cancelled',
};

/** One job in the feed: live while it forms, then its result, actions and provenance. */
export function JobCard({ jobId }: JobCardProps) {
  const job = useJobs((s) => s.byId[jobId]);
  const parent = useJobs((s) => (job?.parent?.jobId ? s.byId[job.parent.jobId] : undefined));
  const { act } = useFeedActions();
  const { reveal } = useFeedWindow();
  const [selected, setSelected] = useState<number | null>(null);
  const [open, setOpen] = useState(false);
  if (!job) return null;

  const title = jobTitle(job);
  const actions = job.result?.actions ?? [];
  const live = isJobActive(job);
  const clips = job.kind === 'videos' && job.status === 'done';

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
        <p className="job-title">{title}</p>
        <span className={`status-chip ${job.status}`}>{STATUS_TEXT[job.status]}</span>
        {live && job.status !== 'queued' && <span className="pct">{job.progress}%</span>}
        <Elapsed from={job.startedAt ?? job.createdAt} to={job.finishedAt} />
      </header>
      {job.parent && (
        <p className="provenance">
          {`${actionLabel(job.parent.action)} of `}
          {parent ? (
            <a
              href={`#job-${parent.id}`}
              onClick={(e) => {
                e.preventDefault();
                reveal(parent.id);
              }}
            >
              {`“${truncate(jobTitle(parent), 48)}”`}
            </a>
          ) : (
            <span>{`image ${job.parent.imageId}`}</span>
          )}
        </p>
      )}
      {clips && (
        <Suspense fallback={<div className="placeholder" aria-hidden="true" />}>
          <VideoCard job={job} />
        </Suspense>
      )}
      {!clips && (live || job.result || job.preview) && (
        <JobImage
          job={job}
          aspect={expectedAspect(job, parent)}
          selected={selected}
          onSelect={setSelected}
          onOpen={() => setOpen(true)}
        />
      )}
      {live && (
        <div
          className="progress"
          role="progressbar"
          aria-label="Generation progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={job.progress}
        >
          <div className="progress-fill" style={{ width: `${job.progress}%` }} />
        </div>
      )}
      {job.status === 'done' && !clips && <ActionBar job={job} selected={selected} />}
      {job.status === 'done' && !clips && <ResultMenu job={job} onOpen={() => setOpen(true)} />}
      {job.status === 'failed' && <JobError job={job} />}
      <JobControls job={job} />
      {open && job.result?.raw_image_url && (
        <Suspense fallback={null}>
          <Lightbox url={job.result.raw_image_url} alt={title} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </article>
  );
}

function truncate(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}
