/**
 * A scriptable HTTP stand-in for the Imagine API, for the jobs tests (Node only). Each test says
 * what `/midjourney/imagine` does (stream lines, drop, hold, fail) and what the tasks endpoint
 * knows; the real client talks to it over real sockets.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GRID_ACTIONS } from '../api/contract';

/** A request the server received. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
  /** Real time of arrival (ms). */
  at: number;
}

/** One call of `/midjourney/imagine`, handed to the test's script. */
export interface ImagineCall {
  body: Record<string, unknown>;
  /** The client asked for NDJSON. */
  stream: boolean;
  res: ServerResponse;
  /** Resolves when the client goes away or the response ends. */
  closed: Promise<void>;
  /** True once the client went away before the response ended. */
  readonly abandoned: boolean;
}

/** A task as the fake's tasks endpoint returns it. */
export interface FakeTask {
  id: string;
  trace_id?: string;
  request?: Record<string, unknown>;
  response?: Record<string, unknown> | null;
  finished_at?: number | null;
}

/** A scripted reply of the tasks endpoint. */
export interface ScriptedReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** The running fake. */
export interface FakeImagineServer {
  url: string;
  requests: RecordedRequest[];
  tasks: Map<string, FakeTask>;
  /** What `/midjourney/imagine` does; set per test. */
  onImagine: (call: ImagineCall) => void | Promise<void>;
  /** Overrides a tasks lookup (return undefined for the default: look in `tasks`). */
  onRetrieve: (body: Record<string, unknown>) => ScriptedReply | undefined;
  /** Any other POST path (another kind's endpoint); undefined = 404 `no_api`. */
  onPost: (path: string, body: Record<string, unknown>) => ScriptedReply | undefined;
  /** Bytes served by GET, by path (e.g. `/img/t1.png`). */
  files: Map<string, { type: string; bytes: Uint8Array }>;
  /** Imagine calls so far. */
  calls: ImagineCall[];
  close(): Promise<void>;
}

/** Starts a fake on 127.0.0.1 with a free port. */
export async function startFakeImagineServer(): Promise<FakeImagineServer> {
  const fake: FakeImagineServer = {
    url: '',
    requests: [],
    tasks: new Map(),
    onImagine: ({ res }) => sendJson(res, 500, { error: { code: 'api_error', message: 'unset' } }),
    onRetrieve: () => undefined,
    onPost: () => undefined,
    files: new Map(),
    calls: [],
    close: async () => {},
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { error: { code: 'api_error', message: 'fake' } });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0]!;
    if (req.method === 'GET') {
      const file = fake.files.get(path);
      fake.requests.push({ method: 'GET', path, headers: req.headers, body: {}, at: Date.now() });
      if (!file) return sendJson(res, 404, { error: { code: 'no_api', message: 'not found' } });
      res.writeHead(200, {
        'content-type': file.type,
        'content-length': String(file.bytes.byteLength),
        'access-control-allow-origin': '*',
      });
      res.end(file.bytes);
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
    fake.requests.push({
      method: req.method ?? 'POST',
      path,
      headers: req.headers,
      body,
      at: Date.now(),
    });

    if (path === '/midjourney/imagine') {
      let abandoned = false;
      const closed = new Promise<void>((resolve) => {
        res.on('close', () => {
          abandoned = !res.writableFinished;
          resolve();
        });
      });
      const call: ImagineCall = {
        body,
        stream: String(req.headers.accept ?? '').includes('ndjson'),
        res,
        closed,
        get abandoned() {
          return abandoned;
        },
      };
      fake.calls.push(call);
      await fake.onImagine(call);
      return;
    }

    if (path === '/midjourney/tasks') {
      const scripted = fake.onRetrieve(body);
      if (scripted) return sendJson(res, scripted.status, scripted.body, scripted.headers);
      const id = (body.id ?? body.task_id) as string | undefined;
      const trace = body.trace_id as string | undefined;
      const task = id
        ? fake.tasks.get(id)
        : [...fake.tasks.values()].find((t) => trace && t.trace_id === trace);
      // As the service answers a task it does not know (other-endpoints §7.2 c).
      if (!task) return sendJson(res, 200, {});
      return sendJson(res, 200, task);
    }
    const other = fake.onPost(path, body);
    if (other) return sendJson(res, other.status, other.body, other.headers);
    sendJson(res, 404, { error: { code: 'no_api', message: 'The API is not registered.' } });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}

/** Sends one JSON body. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(text);
}

/** Starts an NDJSON reply. */
export function startStream(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/x-ndjson' });
  res.flushHeaders();
}

/** Writes one NDJSON line. */
export function writeLine(res: ServerResponse, value: unknown): void {
  res.write(`${JSON.stringify(value)}\n`);
}

/** An intermediate line / pending response at `progress`. */
export function progressBody(
  base: string,
  taskId: string,
  progress: number,
): Record<string, unknown> {
  return {
    success: true,
    task_id: taskId,
    image_id: `preview-${progress}`,
    image_url: `${base}/preview/${taskId}_${progress}.webp`,
    image_width: 256,
    image_height: 256,
    raw_image_url: `${base}/preview/${taskId}_${progress}_raw.webp`,
    raw_image_width: 512,
    raw_image_height: 512,
    progress,
    actions: [],
  };
}

/** A finished grid response. */
export function finalBody(base: string, taskId: string): Record<string, unknown> {
  return {
    success: true,
    task_id: taskId,
    image_id: `img-${taskId}`,
    image_url: `${base}/img/${taskId}_thumb.png`,
    image_width: 1024,
    image_height: 1024,
    raw_image_url: `${base}/img/${taskId}.png`,
    raw_image_width: 2048,
    raw_image_height: 2048,
    progress: 100,
    actions: GRID_ACTIONS,
  };
}

/**
 * A task record as the tasks endpoint returns it. A pending task's response has no `success`
 * (a boolean there means "finished", reference §11).
 */
export function taskRecord(
  id: string,
  traceId: string | undefined,
  response: Record<string, unknown> | null,
  finished: boolean,
): FakeTask {
  let body = response;
  if (body && !finished) {
    const { success: _success, ...pending } = body;
    body = pending;
  }
  return {
    id,
    ...(traceId ? { trace_id: traceId } : {}),
    request: { prompt: 'x' },
    response: body,
    finished_at: finished ? Date.now() / 1000 : null,
  };
}

/** A promise with its resolver, to hold a scripted reply until the test says so. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}
