import { Trans } from '@lingui/react/macro';
import { explainError } from '../../api/explain';
import { formatDateTime } from '../../i18n/format';
import type { Job } from '../../jobs/job';
import { ErrorHeading } from '../../kinds/shared/error-heading';
import { useFeedActions } from '../../kinds/shared/card-actions';

/**
 * A job the service answered 429 to: it waits and is sent again by itself. Says what the service
 * said, when the job goes again (at the time `Retry-After` asked for, or after a backoff), and
 * offers to send it now; nothing was charged for the refused call.
 */
export function RateLimitNotice({ job }: { job: Job }) {
  const { retry } = useFeedActions();
  const error = job.error;
  if (!error || job.retryAt === undefined) return null;
  const advice = explainError(error);
  const at = formatDateTime(job.retryAt, { timeStyle: 'medium' });
  const asked = error.retryAfterMs === undefined ? null : Math.ceil(error.retryAfterMs / 1000);
  return (
    <div className="job-error job-waiting" role="alert">
      <ErrorHeading error={error} advice={advice} />
      <p className="hint">
        {asked === null ? (
          <Trans>
            Waiting: it is sent again by itself at {at}, a little later after each refusal. Nothing
            was charged.
          </Trans>
        ) : (
          <Trans>
            Waiting: the service asked to wait {asked} s (Retry-After), so it is sent again by
            itself at {at}. Nothing was charged.
          </Trans>
        )}
      </p>
      <div className="row">
        <button type="button" onClick={() => retry(job.id)}>
          <Trans>Retry now</Trans>
        </button>
      </div>
    </div>
  );
}
