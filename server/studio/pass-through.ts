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
const RESPONSE_HEADERS = [
  'content-type',
  'cache-control',
  'retry-after',
  'x-trace-id',
  'x-request-id',
  'traceparent',
];
const METHODS = new Set(['GET', 'HEAD', 'POST']);

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
    const out = new Headers({ 'cache-control': 'no-store' });
    for (const name of RESPONSE_HEADERS) {
      const value = upstream.headers.get(name);
      if (value !== null) out.set(name, value);
    }
    // fetch has already decoded any content-encoding; the bytes go out as they are read.
    return new Response(upstream.body, { status: upstream.status, headers: out });
  };
}

function failure(status: number, code: string, message: string): Response {
  return new Response(JSON.stringify({ success: false, error: { code, message } }), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
}
