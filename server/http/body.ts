/**
 * Reading request bodies without letting them grow past a limit: raw bytes (uploads) and JSON
 * objects (every API and admin route). The cap itself is the one the engine's image fetch uses.
 */
import { MAX_BODY_BYTES, readCapped } from '../shared/read-capped';

/** The message the provider sends for an unparsable body. */
export const INVALID_JSON = 'The json payload is not valid to request the API';

/** A parsed JSON object, or the error response to send instead. */
export type BodyResult =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; code: string; message: string; status?: number };

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
