/**
 * Typed API errors. Every failure the client can meet (HTTP status, lost connection, abort,
 * malformed reply, failed task) becomes one `ApiError` whose `kind` tells the caller what to do,
 * while the provider's own `error.code` and `message` are kept word for word for the person.
 */
import { errorBodySchema, errorDetailSchema } from './contract';

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

/** A failure of an API call; `message` is the provider's message verbatim when it sent one. */
export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  status?: number;
  code?: string;
  traceId?: string;
  taskId?: string;
  retryAfterMs?: number;

  constructor(kind: ApiErrorKind, message: string, details: ApiErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'ApiError';
    this.kind = kind;
    if (details.status !== undefined) this.status = details.status;
    if (details.code !== undefined) this.code = details.code;
    if (details.traceId !== undefined) this.traceId = details.traceId;
    if (details.taskId !== undefined) this.taskId = details.taskId;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
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
 * Messages for codes whose body carries none. Where reference §7 quotes the provider's own
 * message it is used verbatim; the others are plain descriptions of the documented meaning.
 */
const CODE_MESSAGES: Readonly<Record<string, string>> = {
  bad_request: 'The json payload is not valid to request the API',
  no_token: 'No API token was sent (the authorization header is missing).',
  token_mismatched: 'The specified token is not matched with API.',
  api_not_implemented: 'The API is not implemented.',
  invalid_token: 'The specified token is invalid or wrong.',
  token_expired: 'The API token has expired.',
  used_up:
    'Your balance is not sufficient for current request, please buy more in Ace Data Cloud https://platform.acedata.cloud',
  disabled: 'The credential or application is disabled.',
  no_api: 'The API path is not registered.',
  too_many_requests: 'You have exceeded the rate limit.',
  api_error: 'Internal server error.',
  timeout: 'Timeout to generate the image.',
};

/**
 * Reason phrases, because HTTP/2 responses (and some proxies) carry an empty `statusText` and
 * "HTTP 502 from the server" reads worse than "HTTP 502 Bad Gateway from the server".
 */
const REASONS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function statusLine(res: Response): string {
  const reason = res.statusText.trim() || REASONS[res.status] || '';
  return `HTTP ${res.status}${reason ? ` ${reason}` : ''} from the server`;
}

/**
 * `Retry-After` as milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3).
 * Undefined when absent or unreadable.
 */
export function parseRetryAfter(
  value: string | null,
  now: number = Date.now(),
): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The `message`/`detail` of a legacy body, when it is text. */
function legacyMessage(message: unknown, detail: unknown): string | undefined {
  if (typeof message === 'string' && message) return message;
  if (typeof detail === 'string' && detail) return detail;
  if (detail && typeof detail === 'object') {
    const inner = (detail as { message?: unknown }).message;
    if (typeof inner === 'string' && inner) return inner;
  }
  return undefined;
}

/**
 * The `ApiError` for a non-2xx response. Reads both error-body shapes of the contract
 * (`{error:{code,message}, trace_id}` and legacy `{code, detail}`) and `Retry-After`. A body that
 * is not JSON (an HTML 502 page from a proxy) still gives a readable message, never a parser's.
 */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'));
  const base = { status: res.status, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  let text: string;
  try {
    text = await res.text();
  } catch (cause) {
    // The error status is the news; a body we could not read adds nothing to it.
    return new ApiError('http', statusLine(res), { ...base, cause });
  }

  let json: unknown;
  try {
    json = text.trim() ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }

  if (json === undefined) {
    // Short plain-text bodies ("upstream connect error") help; HTML pages and long dumps do not.
    const plain = text.trim();
    const hint = plain && !plain.startsWith('<') && plain.length <= 200 ? `: ${plain}` : '';
    return new ApiError('http', `${statusLine(res)}${hint}`, base);
  }

  const parsed = errorBodySchema.safeParse(json);
  if (parsed.success) {
    const body = parsed.data;
    const detail = errorDetailSchema.safeParse(body.error);
    // Both union branches are loose objects, so tell them apart by the data, not the type.
    const code = detail.success
      ? detail.data.code
      : typeof body.code === 'string'
        ? body.code
        : undefined;
    const message = detail.success ? detail.data.message : legacyMessage(body.message, body.detail);
    const traceId = typeof body.trace_id === 'string' && body.trace_id ? body.trace_id : undefined;
    return new ApiError('http', message || (code && CODE_MESSAGES[code]) || statusLine(res), {
      ...base,
      ...(code ? { code } : {}),
      ...(traceId ? { traceId } : {}),
    });
  }

  // JSON of some other shape (e.g. `{"detail": "Not Found"}` from a framework default handler).
  const other = json && typeof json === 'object' ? (json as Record<string, unknown>) : {};
  const message = legacyMessage(other.message, other.detail);
  return new ApiError('http', message || statusLine(res), base);
}

/**
 * Any thrown value as an `ApiError`: `ApiError`s pass through, an abort (or any failure after
 * `signal` fired) is `aborted`, a `TypeError` from fetch or a stream read is `network`.
 */
export function toApiError(err: unknown, signal?: AbortSignal): ApiError {
  if (isApiError(err)) return err;
  const name = err instanceof Error || err instanceof DOMException ? err.name : '';
  if (name === 'AbortError' || signal?.aborted) {
    return new ApiError('aborted', 'The request was cancelled.', { cause: err });
  }
  if (name === 'TimeoutError') {
    return new ApiError('network', 'The request timed out.', { cause: err });
  }
  if (err instanceof TypeError) {
    // undici hides the useful part ("ECONNREFUSED", "other side closed") in `cause`.
    const cause = (err as { cause?: { code?: unknown; message?: unknown } }).cause;
    const why =
      typeof cause?.code === 'string' && /^E[A-Z]+$/.test(cause.code) ? cause.code : cause?.message;
    const detail = typeof why === 'string' && why ? ` (${why})` : '';
    return new ApiError('network', `Could not reach the server: ${err.message}${detail}`, {
      cause: err,
    });
  }
  const message = err instanceof Error ? err.message : String(err);
  return new ApiError('network', message || 'The request failed.', { cause: err });
}
