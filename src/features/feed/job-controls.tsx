import type { Job } from '../../jobs/job';
import { useFeedActions } from './feed-actions';

/** Props of {@link JobControls}. */
export interface JobControlsProps {
  job: Job;
}

/** What a person can do about an unfinished job: check a stalled one, cancel, retry. */
export function JobControls({ job }: JobControlsProps) {
  const { cancel, retry, checkAgain } = useFeedActions();
  if (job.status === 'stalled') {
    return (
      <div className="row" role="status">
        <span className="hint">No news for a while — the job may still be running.</span>
        <button type="button" onClick={() => checkAgain(job.id)}>
          Check again
        </button>
        <button type="button" onClick={() => retry(job.id)}>
          Retry
        </button>
      </div>
    );
  }
  if (job.status === 'queued' || job.status === 'running') {
    return (
      <div className="row">
        <button type="button" className="ghost" onClick={() => cancel(job.id)}>
          Cancel
        </button>
      </div>
    );
  }
  if (job.status === 'cancelled') {
    return (
      <div className="row">
        <button type="button" onClick={() => retry(job.id)}>
          Retry
        </button>
      </div>
    );
  }
  return null;
}
