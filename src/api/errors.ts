/**
 * Typed API errors. Every failure the client can meet (HTTP status, lost connection, abort,
 * malformed reply, failed task) becomes one `ApiError` whose `kind` tells the caller what to do,
 * while the provider's own `error.code` and `message` are kept word for word for the person.
 */
import { apiMsg } from './api-codes';
import type { Msg } from './message';

/**
 * What went wrong, from the caller's point of view:
 * - `http`: the service answered with a non-2xx status (see `status`, `code`);
 * - `network`: no usable answer (unreachable, connection lost, stream cut short);
 * - `aborted`: the caller's `AbortSignal` fired;
 * - `invalid`: the reply does not match the contract (not JSON, wrong shape);
 * - `task`: the service accepted the job but reports it failed (`success: false`).
 */
export type ApiErrorKind = 'http' | 'network' | 'aborted' | 'invalid' | 'task';

/** Optional details of an `ApiError`. */
export interface ApiErrorDetails {
  /**
   * The studio's own message, as a code (when the words are the studio's, not the provider's):
   * what a job record keeps and the page words in the active language.
   */
  reason?: Msg;
  /** HTTP status, when there was a response. */
  status?: number;
  /** The provider's `error.code` (or legacy top-level `code`), verbatim. */
  code?: string;
  /** The trace id of the request (the provider's, else the one the client sent). */
  traceId?: string;
  /** The task id, when the service had already created the task. */
  taskId?: string;
  /** How long the service asked us to wait (`Retry-After`), in milliseconds. */
  retryAfterMs?: number;
  /** The underlying error, for debugging; never shown. */
  cause?: unknown;
}

/**
 * A failure of an API call; `message` is the provider's message verbatim when it sent one, else
 * the studio's English (for logs), with the studio's message as a code in `reason`.
 */
export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  status?: number;
  code?: string;
  traceId?: string;
  taskId?: string;
  retryAfterMs?: number;
  /** The studio's own message as a code; `message` then holds its English, for logs. */
  reason?: Msg;

  constructor(kind: ApiErrorKind, message: string, details: ApiErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'ApiError';
    this.kind = kind;
    if (details.status !== undefined) this.status = details.status;
    if (details.code !== undefined) this.code = details.code;
    if (details.traceId !== undefined) this.traceId = details.traceId;
    if (details.taskId !== undefined) this.taskId = details.taskId;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
    if (details.reason !== undefined) this.reason = details.reason;
  }
}

/** True for an `ApiError` (also one from another copy of this module, e.g. after HMR). */
export function isApiError(x: unknown): x is ApiError {
  return (
    x instanceof ApiError ||
    (x instanceof Error && x.name === 'ApiError' && typeof (x as ApiError).kind === 'string')
  );
}

/**
 * Any thrown value as an `ApiError`: `ApiError`s pass through, an abort (or any failure after
 * `signal` fired) is `aborted`, a `TypeError` from fetch or a stream read is `network`.
 */
export function toApiError(err: unknown, signal?: AbortSignal): ApiError {
  if (isApiError(err)) return err;
  const name = err instanceof Error || err instanceof DOMException ? err.name : '';
  if (name === 'AbortError' || signal?.aborted) {
    return new ApiError('aborted', 'The request was cancelled.', {
      cause: err,
      reason: apiMsg('api.cancelled'),
    });
  }
  if (name === 'TimeoutError') {
    return new ApiError('network', 'The request timed out.', {
      cause: err,
      reason: apiMsg('api.timeout'),
    });
  }
  if (err instanceof TypeError) {
    // undici hides the useful part ("ECONNREFUSED", "other side closed") in `cause`.
    const cause = (err as { cause?: { code?: unknown; message?: unknown } }).cause;
    const why =
      typeof cause?.code === 'string' && /^E[A-Z]+$/.test(cause.code) ? cause.code : cause?.message;
    const detail = typeof why === 'string' && why ? ` (${why})` : '';
    return new ApiError('network', `Could not reach the server: ${err.message}${detail}`, {
      cause: err,
      reason: apiMsg('api.unreachable', { detail: `${err.message}${detail}` }),
    });
  }
  const message = err instanceof Error ? err.message : String(err);
  if (message) return new ApiError('network', message, { cause: err });
  return new ApiError('network', 'The request failed.', {
    cause: err,
    reason: apiMsg('api.failed'),
  });
}

/**
 * A failure as an `ApiError` without reading anything into it (the job runner's view): an
 * `ApiError` passes through, anything else is `network` with its own message.
 */
export function asApiError(err: unknown): ApiError {
  if (isApiError(err)) return err;
  return new ApiError('network', err instanceof Error ? err.message : String(err), { cause: err });
}
