/**
 * The engine's answers in the provider's shape: JSON bodies and errors, CORS for the public API
 * and its removal for what other origins may not read.
 */
import { randomUUID } from 'node:crypto';
import { ERROR_STATUS } from '../../src/api/contract';

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

/** A response with every `access-control-*` header removed: not readable by other origins. */
export function withoutCors(res: Response): Response {
  for (const name of [...res.headers.keys()])
    if (name.startsWith('access-control-')) res.headers.delete(name);
  return res;
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
