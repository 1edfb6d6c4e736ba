/**
 * Bridges node:http (and Vite's connect middleware) to the engine's fetch-style handler.
 * Response bodies are written chunk by chunk as they come (NDJSON lines reach the client at
 * once), a client that goes away cancels the body (the engine unsubscribes), and a body that
 * errors cuts the connection abruptly, as a dropped stream should look.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hostAllowed, type HostPolicy } from '../shared/host-policy';
import { misdirected } from '../http/responses';

/** A body the engine stopped reading is drained (not cut) up to this, so the client gets the answer. */
const MAX_DISCARD_BYTES = 64 * 1024 * 1024;

/**
 * Read and throw away the rest of a request body. Closing a socket with unread bytes in it makes
 * the kernel send a reset, and the client then sees ECONNRESET instead of the engine's answer.
 */
function discard(req: IncomingMessage): void {
  let seen = 0;
  // Whoever read before (the body stream) is done: nothing buffers what is thrown away.
  req.removeAllListeners('data');
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > MAX_DISCARD_BYTES) req.destroy();
  });
  req.resume();
}

/** Discard the rest of a request body; resolves when it ended (or was cut for its size). */
function drainRequest(req: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    req.once('end', resolve);
    req.once('close', resolve);
    discard(req);
  });
}

/** A request body as a web stream whose `cancel` drains the rest instead of destroying the socket. */
function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  let cancelled = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        req.pause();
        req.on('data', (chunk: Buffer) => {
          if (cancelled) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        });
        req.on('end', () => {
          if (!cancelled) controller.close();
        });
        req.on('error', (err) => {
          if (!cancelled) controller.error(err);
        });
      },
      pull() {
        req.resume();
      },
      cancel() {
        cancelled = true;
        discard(req);
      },
    },
    { highWaterMark: 1 },
  );
}

/** Anything with the engine's `handle`. */
export interface FetchHandler {
  handle(req: Request): Promise<Response>;
}

/** A connect-style listener; `next` is called for requests it does not take. */
export type NodeListener = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: (err?: unknown) => void,
) => void;

/** Turn a Node request into a fetch `Request` (body streamed, aborted if the client leaves). */
export function toWebRequest(req: IncomingMessage, signal?: AbortSignal): Request {
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
  const host = req.headers.host ?? 'localhost';
  const url = new URL(req.url ?? '/', `${encrypted ? 'https' : 'http'}://${host}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    // HTTP/2 pseudo-headers (`:path`) are not headers a Request may carry.
    if (value === undefined || name.startsWith(':')) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  const method = (req.method ?? 'GET').toUpperCase();
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const init: RequestInit & { duplex?: 'half' } = { method, headers };
  if (hasBody) {
    init.body = bodyStream(req);
    init.duplex = 'half';
  }
  if (signal) init.signal = signal;
  return new Request(url, init);
}

/** Write a fetch `Response` to a Node response, streaming its body. */
export async function sendWebResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  if (!response.body) {
    res.end();
    return;
  }
  // Headers go out now, so a stream's client sees the 200 before the first line.
  res.flushHeaders();
  const reader = response.body.getReader();
  const onClose = (): void => {
    if (!res.writableFinished) void reader.cancel().catch(() => undefined);
  };
  res.on('close', onClose);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (res.destroyed) break;
      if (!res.write(value)) await drained(res);
    }
    res.end();
  } catch {
    // The body failed (an injected drop, or a broken job): cut the connection, no clean end.
    res.destroy();
  } finally {
    res.off('close', onClose);
  }
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/**
 * A listener that serves `handler` for the paths `match` accepts and passes the rest to `next`
 * (404 when there is no `next`). With `hosts`, a request naming another host is answered 421
 * before anything else (DNS rebinding, see `host-policy`).
 */
export function createNodeListener(
  handler: FetchHandler | (() => FetchHandler),
  match: (pathname: string) => boolean = () => true,
  hosts?: HostPolicy,
): NodeListener {
  return (req, res, next) => {
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    const matched = match(pathname);
    // Paths of the host server (Vite) are its own business, Host included.
    if (!matched && next) return next();
    if (hosts !== undefined && !hostAllowed(hosts, req.headers.host)) {
      const answer = misdirected(req.headers.host);
      // Read (and drop) the body first, as for any answer given before it was read.
      void (req.complete ? Promise.resolve() : drainRequest(req)).then(() =>
        sendWebResponse(res, answer),
      );
      return;
    }
    if (!matched) {
      res.statusCode = 404;
      res.setHeader('cache-control', 'no-store');
      if (!req.complete) res.setHeader('connection', 'close');
      res.end();
      if (!req.complete) discard(req);
      return;
    }
    const abort = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) abort.abort();
    });
    // The engine decides its own CORS: drop what a host server (Vite's cors) set before it.
    for (const name of res.getHeaderNames())
      if (name.startsWith('access-control-')) res.removeHeader(name);
    let request: Request;
    try {
      request = toWebRequest(req, abort.signal);
    } catch {
      // A method or URL a fetch Request cannot carry (TRACE, CONNECT, a broken Host).
      res.statusCode = 400;
      res.setHeader('content-type', 'application/json');
      // Node's parser may close this socket after the reply (TRACE with a body): say so.
      res.setHeader('connection', 'close');
      res.end(
        JSON.stringify({
          success: false,
          error: {
            code: 'bad_request',
            message: `The request ${req.method ?? ''} cannot be served.`,
          },
        }),
      );
      if (!req.complete) discard(req);
      return;
    }
    const target = typeof handler === 'function' ? handler() : handler;
    target
      .handle(request)
      .then(async (response) => {
        // Answered before the body was all read: read the rest first, so the client is not
        // cut off mid-upload and the connection stays usable.
        if (!req.complete) await drainRequest(req);
        return sendWebResponse(res, response);
      })
      .catch((err: unknown) => {
        if (!res.headersSent) {
          res.statusCode = 500;
          res.setHeader('content-type', 'application/json');
          res.end(
            JSON.stringify({
              success: false,
              error: { code: 'api_error', message: 'Internal server error.' },
            }),
          );
        } else res.destroy(err instanceof Error ? err : undefined);
      });
  };
}
