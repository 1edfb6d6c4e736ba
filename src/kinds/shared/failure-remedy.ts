/**
 * What a failed card offers. Retry sends the same request again, so it is offered only where that
 * can help (the service failed, was busy or out of reach, or the job was lost); a refusal that
 * names something to fix gets "Edit and retry", which puts the request back in the composer.
 */
import type { JobError } from '../../jobs/job';

/** Codes the provider uses for a request it refuses as written. */
const FIXABLE_CODES = new Set(['bad_request', 'forbidden', 'invalid_request', 'invalid_parameter']);

/** The provider's words for a parameter it does not take. */
const FIXABLE_MESSAGE = /unrecognized argument|invalid (parameter|argument|value)|not (a )?valid/i;

/** True when the request itself was refused and changing it is the way on. */
export function isFixable(error: Pick<JobError, 'code' | 'status' | 'kind' | 'message'>): boolean {
  if (error.code && FIXABLE_CODES.has(error.code)) return true;
  if (error.status === 400 || error.status === 422) return true;
  return error.kind === 'task' && FIXABLE_MESSAGE.test(error.message ?? '');
}

/** True when sending the same request again can help: 5xx, 429, network, lost, unreadable. */
export function canRetryHelp(
  error: Pick<JobError, 'code' | 'status' | 'kind' | 'message'>,
): boolean {
  if (isFixable(error)) return false;
  if (error.status !== undefined && (error.status >= 500 || error.status === 429)) return true;
  if (['network', 'lost', 'invalid', 'aborted'].includes(error.kind)) return true;
  // Token, credit and timeout failures: once Settings or the balance are fixed, a retry helps.
  return !['disabled'].includes(error.code ?? '');
}

/**
 * The header of a failure: the advice's title and the provider's code, and the HTTP status only
 * when it says something (a refused task inside a 200 stream is not an "HTTP 200" failure).
 */
export function failureStatus(error: Pick<JobError, 'kind' | 'status'>): string | undefined {
  return error.kind === 'http' && error.status && error.status >= 400
    ? `HTTP ${error.status}`
    : undefined;
}
