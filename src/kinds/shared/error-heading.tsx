import { useLingui } from '@lingui/react/macro';
import type { Advice } from '../../api/explain';
import type { JobError } from '../../jobs/job';
import { say } from '../../i18n/say';
import { failureStatus } from './failure-remedy';

/**
 * A refusal's title line (the advice, the provider's code, the HTTP status) and its message, as
 * the failure and the rate-limit notice both show them.
 */
export function ErrorHeading({ error, advice }: { error: JobError; advice: Advice }) {
  const { i18n } = useLingui();
  const status = failureStatus(error);
  return (
    <>
      <p className="job-error-title">
        {advice.title}
        {error.code && (
          <>
            {' · '}
            <code className="code">{error.code}</code>
          </>
        )}
        {status && <span className="status">{` · ${status}`}</span>}
      </p>
      <p className="job-error-message">{say(error.reason ?? error.message, i18n)}</p>
    </>
  );
}
