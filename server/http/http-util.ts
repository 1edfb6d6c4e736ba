/**
 * Small HTTP pieces of the engine: JSON and error bodies in the provider's shape, CORS, and a
 * size-capped JSON body reader.
 */
import { randomUUID } from 'node:crypto';
import { ERROR_STATUS } from '../../src/api/contract';
import { MAX_BODY_BYTES, readCapped } from '../shared/read-capped';

/** Any origin may call the engine and load its images, as a browser studio on another port does. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
};

/** The preflight answer for the API paths. */
export const PREFLIGHT_HEADERS: Readonly<Record<string, string>> = {
  ...CORS_HEADERS,
  'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type, accept, x-record-exempt',
  'access-control-max-age': '86400',
};

/** Every JSON answer of the engine: task records, results, admin state and errors. */
const NO_STORE: Readonly<Record<string, string>> = {
  // An answer is about one moment of one task; no cache may hand it to anyone again.
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

/** A JSON response with CORS headers and an explicit length, never cached. */
export function json(body: unknown, status = 200, extra: Record<string, string> = {}): Response {
  const bytes = Buffer.from(JSON.stringify(body));
  return new Response(bytes, {
    status,
    headers: {
      'content-type': 'application/json',
      'content-length': String(bytes.length),
      ...NO_STORE,
      ...CORS_HEADERS,
      ...extra,
    },
  });
}

/** An error in the provider's shape: `{success:false, error:{code,message}, trace_id}`. */
export function errorResponse(
  code: string,
  message: string,
  traceId: string,
  status: number = ERROR_STATUS[code] ?? 500,
  extra: Record<string, unknown> = {},
): Response {
  return json({ success: false, error: { code, message }, trace_id: traceId, ...extra }, status);
}

/** The message the provider sends for an unparsable body. */
export const INVALID_JSON = 'The json payload is not valid to request the API';

/** A parsed JSON object, or the error response to send instead. */
export type BodyResult =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; code: string; message: string; status?: number };

/** A response with every `access-control-*` header removed: not readable by other origins. */
export function withoutCors(res: Response): Response {
  for (const name of [...res.headers.keys()])
    if (name.startsWith('access-control-')) res.headers.delete(name);
  return res;
}

/** Whether the request says its body is JSON (`application/json`, any parameters). */
export function isJsonContent(req: Request): boolean {
  const type = (req.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  return type === 'application/json';
}

/**
 * Read a JSON object body, refusing more than `limit` bytes without buffering them all. With
 * `jsonOnly`, a body not declared `application/json` is refused (415) unread: a web page can
 * send `text/plain` cross-origin without asking first, but not `application/json`.
 */
export async function readJsonObject(
  req: Request,
  limit = MAX_BODY_BYTES,
  jsonOnly = false,
): Promise<BodyResult> {
  if (jsonOnly && !isJsonContent(req))
    return {
      ok: false,
      code: 'unsupported_media_type',
      message: 'Send the body as JSON with `content-type: application/json`.',
      status: 415,
    };
  const tooLarge: BodyResult = {
    ok: false,
    code: 'too_large',
    message: `The request body is too large (limit ${Math.round(limit / 1024 / 1024)} MB).`,
  };
  const bytes = await readBytes(req, limit);
  if (bytes === null) return tooLarge;
  const text = bytes.toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, code: 'bad_request', message: INVALID_JSON };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, code: 'bad_request', message: INVALID_JSON };
  return { ok: true, value: value as Record<string, unknown> };
}

/**
 * A request's body, refusing more than `limit` bytes without buffering them all (null: too
 * large).
 */
export function readBytes(req: Request, limit = MAX_BODY_BYTES): Promise<Buffer | null> {
  return readCapped(req.body, req.headers.get('content-length'), limit);
}

/** The answer to a request for a host this server does not serve. */
export function misdirected(header: string | null | undefined): Response {
  const shown = (header ?? '').slice(0, 100);
  return errorResponse(
    'misdirected_request',
    `This server does not answer for the host "${shown}". Use 127.0.0.1 or localhost, or add the name to ALLOWED_HOSTS.`,
    randomUUID(),
    421,
  );
}
