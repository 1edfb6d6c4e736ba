import { Trans } from '@lingui/react/macro';
import { useState } from 'react';
import { explainError } from '../../api/explain';
import { isModerationRefusal } from '../../jobs/machine/limits';
import type { Job } from '../../jobs/job';
import { canRetryHelp, isFixable } from './failure-remedy';
import { ErrorHeading } from './error-heading';
import { useFeedActions } from './card-actions';

/** Props of {@link JobError}. */
export interface JobErrorProps {
  job: Job;
}

/**
 * A failure in words: advice, the provider's code and message word for word, the trace id, and
 * the way on: Edit and retry for a refusal that names what to fix, Retry where resending helps.
 */
export function JobError({ job }: JobErrorProps) {
  const { retry, openSettings, editAndRetry } = useFeedActions();
  const [askedRetry, setAskedRetry] = useState(false);
  const error = job.error;
  if (!error) return null;
  // The same prompt would only be refused again: Retry asks for another prompt instead.
  const refused = isModerationRefusal(error);
  const advice = explainError(error);
  // Only a prompt of one's own can be edited in the composer (not an upscale or a pan).
  const editable = isFixable(error) && !!job.request.prompt && !job.parent;
  return (
    <div className="job-error" role="alert">
      <ErrorHeading error={error} advice={advice} />
      <p className="hint">{advice.hint}</p>
      {error.traceId && (
        <p className="hint">
          <Trans>
            Trace ID: <code>{error.traceId}</code>
          </Trans>
        </p>
      )}
      <div className="row">
        {editable && (
          <button type="button" className="primary" onClick={() => editAndRetry(job)}>
            <Trans>Edit and retry</Trans>
          </button>
        )}
        {canRetryHelp(error) && (
          <button type="button" className="primary" onClick={() => retry(job.id)}>
            <Trans>Retry</Trans>
          </button>
        )}
        {refused && (
          <button type="button" onClick={() => setAskedRetry(true)}>
            <Trans>Retry</Trans>
          </button>
        )}
        {advice.remedy === 'settings' && (
          <button type="button" onClick={openSettings}>
            <Trans>Open Settings</Trans>
          </button>
        )}
      </div>
      {refused && askedRetry && (
        <p className="field-error">
          {editable ? (
            <Trans>
              Change the prompt first: the service's moderators refused this one, and sending it
              again would only be refused again. Edit and retry puts it back in the composer.
            </Trans>
          ) : (
            <Trans>
              Change the prompt first: the service's moderators refused this one, and sending it
              again would only be refused again. Write a new prompt in the composer.
            </Trans>
          )}
        </p>
      )}
    </div>
  );
}
