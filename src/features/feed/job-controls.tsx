import type { Job, JobCheck } from '../../jobs/job';
import { useFeedActions } from './feed-actions';

/** Props of {@link JobControls}. */
export interface JobControlsProps {
  job: Job;
}

/** A time of day in the person's own format ("22:31", "10:31 PM"). */
function clock(at: number): string {
  return new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

/** What a "Check again" found, in words, with the time it asked. */
export function checkReport(check: JobCheck): string {
  const at = clock(check.at);
  switch (check.found) {
    case 'nothing':
      return `Still no news from the service at ${at}.`;
    case 'progress':
      return `The service reported progress at ${at}.`;
    case 'unknown':
      return `The service had no record of this task at ${at}.`;
    case 'unreachable':
      return `Could not reach the service at ${at}${check.message ? `: ${check.message}` : '.'}`;
  }
}

/** The controls of a job that is not done: Cancel while it may still run, Check again, Retry. */
export function JobControls({ job }: JobControlsProps) {
  const { cancel, retry, checkAgain } = useFeedActions();
  const cancelButton = (
    <button type="button" className="ghost" onClick={() => cancel(job.id)}>
      Cancel
    </button>
  );
  if (job.status === 'stalled') {
    return (
      <div className="row" role="status">
        <span className="hint">No news for a while — the job may still be running.</span>
        {job.checked && <span className="hint check-report">{checkReport(job.checked)}</span>}
        <button type="button" onClick={() => checkAgain(job.id)}>
          Check again
        </button>
        <button type="button" onClick={() => retry(job.id)}>
          Retry
        </button>
        {cancelButton}
      </div>
    );
  }
  if (job.status === 'queued' || job.status === 'running') {
    return <div className="row">{cancelButton}</div>;
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
