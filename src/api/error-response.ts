/**
 * The `ApiError` for an HTTP error reply: both error-body shapes of the contract, `Retry-After`,
 * and readable messages for bodies that say nothing. Apart from `errors.ts` because only a call
 * that failed needs it, so it loads with the client, not with the page.
 */
import { errorBodySchema, errorDetailSchema } from './contract';
import { apiMsg, type ApiCode } from './api-codes';
import { ApiError, type ApiErrorDetails } from './errors';
import type { Msg } from './message';

/**
 * The provider codes whose body may carry no message, each with its stand-in (`api-words.ts`):
 * reference §7's own message where it quotes one, else a plain description of the meaning.
 */
const CODE_STAND_INS: ReadonlySet<string> = new Set([
  'bad_request',
  'no_token',
  'token_mismatched',
  'api_not_implemented',
  'invalid_token',
  'token_expired',
  'used_up',
  'disabled',
  'no_api',
  'too_many_requests',
  'api_error',
  'timeout',
]);

/** The stand-in for a provider code whose body said nothing, or undefined for another code. */
function standIn(code: string | undefined): Msg | undefined {
  return code && CODE_STAND_INS.has(code) ? apiMsg(`api.code.${code}` as ApiCode) : undefined;
}

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

/** "HTTP 502 Bad Gateway from the server": in English (for logs) and as the studio's message. */
function statusLine(res: Response, text = ''): { message: string; reason: Msg } {
  const phrase = res.statusText.trim() || REASONS[res.status] || '';
  const head = phrase
    ? apiMsg('api.http-reason', { status: res.status, reason: phrase })
    : apiMsg('api.http', { status: res.status });
  const line = `HTTP ${res.status}${phrase ? ` ${phrase}` : ''} from the server`;
  if (!text) return { message: line, reason: head };
  return { message: `${line}: ${text}`, reason: apiMsg('api.http-text', { head, text }) };
}

/** An `http` error worded by the studio (the body said nothing readable). */
function statusError(res: Response, details: ApiErrorDetails, text = ''): ApiError {
  const { message, reason } = statusLine(res, text);
  return new ApiError('http', message, { ...details, reason });
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
    return statusError(res, { ...base, cause });
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
    const hint = plain && !plain.startsWith('<') && plain.length <= 200 ? plain : '';
    return statusError(res, base, hint);
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
    const details = { ...base, ...(code ? { code } : {}), ...(traceId ? { traceId } : {}) };
    if (message) return new ApiError('http', message, details);
    // The studio's stand-in as a code; its code, for logs.
    const reason = standIn(code);
    return reason
      ? new ApiError('http', reason.code, { ...details, reason })
      : statusError(res, details);
  }

  // JSON of some other shape (e.g. `{"detail": "Not Found"}` from a framework default handler).
  const other = json && typeof json === 'object' ? (json as Record<string, unknown>) : {};
  const message = legacyMessage(other.message, other.detail);
  return message ? new ApiError('http', message, base) : statusError(res, base);
}
