import { explainError } from '../../api/explain';
import type { Job } from '../../jobs/job';
import { useFeedActions } from './feed-actions';

/** Props of {@link JobError}. */
export interface JobErrorProps {
  job: Job;
}

/** A failure in words: advice, the provider's code and message word for word, the trace id. */
export function JobError({ job }: JobErrorProps) {
  const { retry, openSettings } = useFeedActions();
  const error = job.error;
  if (!error) return null;
  const advice = explainError(error);
  return (
    <div className="job-error" role="alert">
      <p className="job-error-title">
        {advice.title}
        {error.code && <code className="code">{error.code}</code>}
        {error.status ? <span className="status"> HTTP {error.status}</span> : null}
      </p>
      <p className="job-error-message">{error.message}</p>
      <p className="hint">{advice.hint}</p>
      {error.traceId && (
        <p className="hint">
          Trace ID: <code>{error.traceId}</code>
        </p>
      )}
      <div className="row">
        <button type="button" className="primary" onClick={() => retry(job.id)}>
          Retry
        </button>
        {advice.remedy === 'settings' && (
          <button type="button" onClick={openSettings}>
            Open Settings
          </button>
        )}
      </div>
    </div>
  );
}
