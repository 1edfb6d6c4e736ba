/**
 * The AceData pass-through: `/acedata/<path>` is forwarded to the target's `<path>`, so a
 * browser on a network that blocks the API can still reach it through the studio's origin.
 * Only the headers the API needs go out and come back (no cookies, no client addresses), the
 * body streams both ways unbuffered (NDJSON lines arrive as the API writes them), and nothing
 * about the request is logged: its authorization header is the person's token.
 */

/** The path prefix the pass-through owns. */
export const PASS_THROUGH_PREFIX = '/acedata';

const REQUEST_HEADERS = [
  'authorization',
  'content-type',
  'accept',
  'x-trace-id',
  'x-request-id',
  'traceparent',
  'tracestate',
];
/** Headers of the API's answer passed back (its cache-control is not: answers are never stored). */
const RESPONSE_HEADERS = ['retry-after', 'x-trace-id', 'x-request-id', 'traceparent'];
const METHODS = new Set(['GET', 'HEAD', 'POST']);

/**
 * What the API speaks: JSON, NDJSON streams and event streams. Anything else (an HTML error page
 * of a gateway, a script) would be served from the studio's own origin, where `script-src 'self'`
 * lets a script run; it is refused instead.
 */
const API_TYPES: readonly string[] = [
  'application/json',
  'application/x-ndjson',
  'text/event-stream',
];

/**
 * Headers on every pass-through answer: whatever it holds, a browser opening it directly saves it
 * rather than showing it, and a document made of it runs nothing and reaches nothing.
 */
const CONTAINED: Readonly<Record<string, string>> = {
  'content-disposition': 'attachment',
  'content-security-policy': "default-src 'none'; sandbox",
  'x-content-type-options': 'nosniff',
};

/** The upstream's type if the API speaks it (the upstream's own spelling, parameters too), else null. */
function apiType(header: string | null): string | null {
  if (header === null || header.includes(',')) return null;
  const essence = header.split(';')[0]?.trim().toLowerCase() ?? '';
  return API_TYPES.includes(essence) ? header : null;
}

/** Answer a request under `/acedata/` by forwarding it to `target` (a base URL). */
export function createPassThrough(
  target: string,
  fetchImpl: typeof fetch = fetch,
): (req: Request) => Promise<Response> {
  const base = new URL(target);
  const basePath = base.pathname.replace(/\/+$/, '');
  return async (req) => {
    if (!METHODS.has(req.method))
      return failure(405, 'bad_request', 'The pass-through forwards GET and POST only.');
    const incoming = new URL(req.url);
    const rest = incoming.pathname.slice(PASS_THROUGH_PREFIX.length) || '/';
    const url = new URL(base.origin);
    url.pathname = `${basePath}${rest}`;
    url.search = incoming.search;
    const headers = new Headers();
    for (const name of REQUEST_HEADERS) {
      const value = req.headers.get(name);
      if (value !== null) headers.set(name, value);
    }
    const init: RequestInit & { duplex?: 'half' } = {
      method: req.method,
      headers,
      redirect: 'manual',
      signal: req.signal,
    };
    if (req.body && req.method === 'POST') {
      init.body = req.body;
      init.duplex = 'half';
    }
    let upstream: Response;
    try {
      upstream = await fetchImpl(url, init);
    } catch {
      if (req.signal.aborted) return failure(499, 'api_error', 'The request was cancelled.');
      return failure(502, 'api_error', `The studio could not reach ${base.origin}.`);
    }
    const sent = upstream.headers.get('content-type');
    const type = apiType(sent);
    const empty = upstream.status === 204 || upstream.status === 304 || req.method === 'HEAD';
    if (!type && !empty) {
      void upstream.body?.cancel().catch(() => undefined);
      return failure(
        502,
        'api_error',
        `${base.origin} answered HTTP ${upstream.status} with ${sent ? `"${sent.slice(0, 100)}"` : 'no content type'}, which is not an API answer (JSON, NDJSON or an event stream); the pass-through does not forward it.`,
      );
    }
    const out = new Headers({ 'cache-control': 'no-store', ...CONTAINED });
    if (type) out.set('content-type', type);
    for (const name of RESPONSE_HEADERS) {
      const value = upstream.headers.get(name);
      if (value !== null) out.set(name, value);
    }
    // fetch has already decoded any content-encoding; the bytes go out as they are read, and no
    // length is repeated (it would be the encoded one).
    return new Response(empty ? null : upstream.body, { status: upstream.status, headers: out });
  };
}

function failure(status: number, code: string, message: string): Response {
  return new Response(JSON.stringify({ success: false, error: { code, message } }), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...CONTAINED },
  });
}
