/**
 * Helpers shared by the engine's tests: requests in the provider's shape, NDJSON readers, image
 * metadata of served bytes, and a little HTTP server that records callback POSTs.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { ENGINE_ADMIN_HEADERS } from '../src/api/engine-admin';
import type { FetchHandler } from './http/node-adapter';

/** The origin in-process requests claim (URLs in responses are built from it). */
export const ORIGIN = 'http://engine.test';
export const NDJSON = 'application/x-ndjson';

/** A JSON object from a response or line. */
export type Json = Record<string, unknown>;

/** Options of `call`. */
export interface CallOptions {
  /** Bearer token; `null` sends no authorization header at all. */
  token?: string | null;
  accept?: string;
  origin?: string;
  headers?: Record<string, string>;
  /** Raw body text instead of JSON.stringify(body). */
  raw?: string;
  method?: string;
  /** Send the admin header on `/__engine/*` paths (default true, as the engine's admin clients do). */
  admin?: boolean;
}

export { ENGINE_ADMIN_HEADERS };

/** POST (by default) a JSON body to an engine path, in-process. */
export function call(
  engine: FetchHandler,
  path: string,
  body?: unknown,
  options: CallOptions = {},
): Promise<Response> {
  const admin = path.startsWith('/__engine/') && options.admin !== false;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: options.accept ?? 'application/json',
    ...(admin ? ENGINE_ADMIN_HEADERS : {}),
    ...options.headers,
  };
  if (options.token !== null) headers.authorization = `Bearer ${options.token ?? 'test-token'}`;
  const method = options.method ?? 'POST';
  const init: RequestInit = { method, headers };
  if (method !== 'GET' && method !== 'HEAD')
    init.body = options.raw ?? (body === undefined ? undefined : JSON.stringify(body));
  return engine.handle(new Request(`${options.origin ?? ORIGIN}${path}`, init));
}

/** `call` and parse the JSON reply. */
export async function callJson(
  engine: FetchHandler,
  path: string,
  body?: unknown,
  options: CallOptions = {},
): Promise<{ status: number; body: Json; headers: Headers }> {
  const res = await call(engine, path, body, options);
  return { status: res.status, body: (await res.json()) as Json, headers: res.headers };
}

/** Imagine in wait mode; returns the final body. */
export async function imagineWait(
  engine: FetchHandler,
  body: Json,
  options: CallOptions = {},
): Promise<Json> {
  const res = await callJson(engine, '/midjourney/imagine', body, options);
  if (res.status !== 200)
    throw new Error(`imagine answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Every NDJSON line of a finished body, parsed (blank lines skipped). */
export async function ndjsonLines(res: Response): Promise<Json[]> {
  const text = await res.text();
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Json);
}

/** Raw NDJSON lines as they arrive (text, unparsed), from any byte stream. */
export async function* rawLines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buffered = '';
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffered += decoder.decode(value, { stream: true });
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        if (line.trim()) yield line;
      }
    }
    if (buffered.trim()) yield buffered;
  } finally {
    reader.releaseLock();
  }
}

/** GET a URL from the engine in-process (path and query of `url`; its host is ignored). */
export function getUrl(engine: FetchHandler, url: string, method = 'GET'): Promise<Response> {
  const u = new URL(url);
  return engine.handle(new Request(`${ORIGIN}${u.pathname}${u.search}`, { method }));
}

/** The pixel size and format of the bytes an image URL serves. */
export async function servedImage(
  engine: FetchHandler,
  url: string,
): Promise<{ width: number; height: number; format: string; bytes: Buffer; headers: Headers }> {
  const res = await getUrl(engine, url);
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
  const bytes = Buffer.from(await res.arrayBuffer());
  const meta = await sharp(bytes).metadata();
  return {
    width: meta.width ?? 0,
    height: meta.height ?? 0,
    format: meta.format ?? '',
    bytes,
    headers: res.headers,
  };
}

/** A POST one callback server received. */
export interface ReceivedPost {
  path: string;
  contentType: string | undefined;
  body: Json;
}

/** A local HTTP server that records every POST it gets (the webhook side of callbacks). */
export interface CallbackServer {
  url: string;
  received: ReceivedPost[];
  /** Resolves once `n` POSTs have arrived. */
  waitFor(n: number): Promise<ReceivedPost[]>;
  close(): Promise<void>;
}

/** Start a callback receiver on 127.0.0.1 (status: what it answers). */
export async function startCallbackServer(status = 200): Promise<CallbackServer> {
  const received: ReceivedPost[] = [];
  const waiters: { n: number; resolve: (r: ReceivedPost[]) => void }[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        path: req.url ?? '/',
        contentType: req.headers['content-type'],
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Json,
      });
      res.statusCode = status;
      res.end('ok');
      for (const w of [...waiters])
        if (received.length >= w.n) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(received.slice());
        }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    waitFor: (n) =>
      received.length >= n
        ? Promise.resolve(received.slice())
        : new Promise((resolve) => waiters.push({ n, resolve })),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Pixels of a PNG/JPEG as raw RGB and their mean absolute difference from another's. */
export async function meanDifference(a: Buffer, b: Buffer): Promise<number> {
  const ra = await sharp(a).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const rb = await sharp(b)
    .removeAlpha()
    .resize(ra.info.width, ra.info.height, { fit: 'fill' })
    .raw()
    .toBuffer();
  let sum = 0;
  for (let i = 0; i < ra.data.length; i++) sum += Math.abs(ra.data[i]! - rb[i]!);
  return sum / ra.data.length;
}
