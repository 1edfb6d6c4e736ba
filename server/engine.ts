/**
 * The local engine: the Imagine API contract (shared reference `imagine-api.md`) as one
 * fetch-style handler, drawing real pictures with sharp. Mounted in Vite (dev and preview), run
 * standalone (`npm run engine`), or called in-process by tests.
 *
 * A job runs on its own: the HTTP side only subscribes to it (stream), waits for it (wait) or
 * hands out its task id (async), so a client that disconnects never stops a job.
 */
import { randomBytes, randomUUID, createHash, timingSafeEqual } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { ERROR_STATUS, imagineRequestSchema, tasksRequestSchema } from '../src/api/contract';
import {
  TaskFailure,
  actionAllowed,
  decodeMask,
  planAction,
  planGenerate,
  type Plan,
  type Work,
} from './actions';
import { FaultQueue, parseFaultRule, type FaultPlan, type FaultRule } from './faults';
import {
  CORS_HEADERS,
  MAX_BODY_BYTES,
  PREFLIGHT_HEADERS,
  errorResponse,
  json,
  readJsonObject,
  sleep,
} from './http-util';
import { newImageId, signedQuery, slugOf } from './ids';
import { Job, type Body } from './job';
import { createLimiter } from './limiter';
import { preview, quadrant, thumbnail, type Picture, type Preview } from './pictures';
import { TaskStore, taskView, type Attachment, type TaskRecord } from './task-store';

/** How a `createEngine` call tunes the engine. */
export interface EngineOptions {
  /** Time per progress step in ms (default 700: a grid takes ~5 s in 7 lines); 0 = flat out. */
  paceMs?: number;
  /** If set, requests must carry `authorization: Bearer <token>`; else any token is taken. */
  token?: string;
  /** Tasks kept (default 2000); older idle ones are evicted with their images. */
  maxTasks?: number;
  /** Age after which an idle task is evicted (default 6 h). */
  maxAgeMs?: number;
  /** Bytes of stored images kept (default 1 GiB); the oldest idle tasks go first. */
  maxBytes?: number;
  /** Fetch used for image prompts and callbacks (default: global fetch). */
  fetchImpl?: typeof fetch;
  /** Where to report ignorable trouble (failed callbacks, internal errors). Default: silent. */
  log?: (message: string) => void;
  /** Clock in ms (tests of eviction by age). */
  now?: () => number;
}

/** What `GET /__engine/state` reports. */
export interface EngineState {
  tasks: number;
  /** Images that actions can start from. */
  images: number;
  /** Stored image files (finals, thumbnails share an entry with their raw file; previews). */
  files: number;
  bytes: number;
  active_jobs: number;
  stalled_jobs: number;
  /** NDJSON responses currently being written. */
  open_streams: number;
  pace_ms: number;
  faults: FaultRule[];
}

/** A running engine. */
export interface Engine {
  /** Answer one request (never throws). */
  handle(req: Request): Promise<Response>;
  /** Stop: running and stalled jobs end as failed, timers stop. */
  close(): void;
  readonly paceMs: number;
  setPace(ms: number): void;
  state(): EngineState;
  /** Resolves when every job that is not stalled has ended (tests). */
  idle(): Promise<void>;
}

/** Default time per progress step. */
export const DEFAULT_PACE_MS = 700;

const ENGINE_PREFIXES = ['/midjourney/', '/attachments/', '/__engine/'];

/** Whether a path belongs to the engine (everything else falls through to the host server). */
export function isEnginePath(pathname: string): boolean {
  return ENGINE_PREFIXES.some((p) => pathname.startsWith(p));
}

/** Provider endpoints the engine knows but does not implement. */
const SIBLING_APIS = new Set(['describe', 'edits', 'videos', 'seed', 'translate', 'shorten']);

const NDJSON = 'application/x-ndjson';
const TOKEN_KEYS = /^(token|authorization|api[_-]?key|access[_-]?token)$/i;
const RENDER_CACHE_SIZE = 16;

interface Rendered {
  raw: Picture;
  thumb: Picture;
  /** A ≥512-px reduction the previews are made from (cheaper than the full picture). */
  small: Picture;
}

/** Create an engine. No timers run until a job does. */
export function createEngine(options: EngineOptions = {}): Engine {
  const store = new TaskStore();
  const faults = new FaultQueue();
  const limit = createLimiter(2);
  const jobs = new Map<string, Job>();
  const runs = new Map<string, Promise<void>>();
  const closing = new AbortController();
  // Every sleeping job listens on it; fifty at once is normal, not a leak.
  setMaxListeners(0, closing.signal);
  const secret = randomBytes(16).toString('hex');
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => undefined);
  const fetchImpl: typeof fetch = options.fetchImpl ?? ((input, init) => fetch(input, init));
  const initialPace = options.paceMs ?? DEFAULT_PACE_MS;
  const limits = {
    maxTasks: options.maxTasks ?? 2000,
    maxAgeMs: options.maxAgeMs ?? 6 * 3600 * 1000,
    maxBytes: options.maxBytes ?? 1024 * 1024 * 1024,
  };
  let pace = initialPace;
  let requiredToken = options.token;
  let openStreams = 0;
  // Same key → same pictures: fifty streams of one prompt draw it once.
  const renderCache = new Map<string, Promise<Rendered>>();
  const previewCache = new Map<string, Promise<Preview>>();

  function evict(): void {
    store.evict({ now: now(), ...limits, isActive: (id) => jobs.has(id) });
  }

  function cached<T>(
    cache: Map<string, Promise<T>>,
    max: number,
    key: string,
    make: () => Promise<T>,
  ): Promise<T> {
    let hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    hit = make();
    cache.set(key, hit);
    hit.catch(() => cache.delete(key));
    while (cache.size > max) {
      const oldest = cache.keys().next().value as string;
      cache.delete(oldest);
    }
    return hit;
  }

  // ---- attachments -------------------------------------------------------------------------

  function fileOf(p: Picture, type = 'image/png'): Attachment['raw'] {
    return { bytes: p.png, type, width: p.width, height: p.height };
  }

  /** The variant a URL names: the thumbnail when it carries `width`/`height`. */
  function variantOf(url: URL, entry: Attachment): Attachment['raw'] {
    return url.searchParams.has('width') && entry.thumb ? entry.thumb : entry.raw;
  }

  function imageFields(
    origin: string,
    path: string,
    imageId: string,
    raw: { width: number; height: number },
    thumb: { width: number; height: number },
  ): Body {
    const query = signedQuery(path, secret, now());
    return {
      image_url: `${origin}${path}?${query}width=${thumb.width}&height=${thumb.height}`,
      image_width: thumb.width,
      image_height: thumb.height,
      image_id: imageId,
      raw_image_url: `${origin}${path}?${query}`,
      raw_image_width: raw.width,
      raw_image_height: raw.height,
    };
  }

  function serveAttachment(url: URL, method: string): Response {
    const entry = store.getFile(url.pathname);
    if (!entry)
      return json(
        {
          success: false,
          error: { code: 'not_found', message: `No attachment at ${url.pathname}` },
        },
        404,
      );
    const file = variantOf(url, entry);
    // A view, not a copy; sharp's buffers never live in a SharedArrayBuffer.
    const view = new Uint8Array(
      file.bytes.buffer as ArrayBuffer,
      file.bytes.byteOffset,
      file.bytes.length,
    );
    return new Response(method === 'HEAD' ? null : view, {
      status: 200,
      headers: {
        'content-type': file.type,
        'content-length': String(file.bytes.length),
        'cache-control': entry.final ? 'public, max-age=31536000, immutable' : 'no-store',
        ...CORS_HEADERS,
      },
    });
  }

  /** Image prompt bytes: this engine's own attachments straight from the store, others fetched. */
  async function fetchImage(urlText: string): Promise<Buffer> {
    const url = new URL(urlText);
    if (url.pathname.startsWith('/attachments/')) {
      const entry = store.getFile(url.pathname);
      if (entry) return variantOf(url, entry).bytes;
    }
    const res = await fetchImpl(url, {
      signal: AbortSignal.any([AbortSignal.timeout(15_000), closing.signal]),
    });
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw new Error(`HTTP ${res.status}`);
    }
    if (Number(res.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) {
      await res.body?.cancel().catch(() => undefined);
      throw new Error('the image is larger than 20 MB');
    }
    const bytes = Buffer.from(await res.arrayBuffer());
    if (bytes.length > MAX_BODY_BYTES) throw new Error('the image is larger than 20 MB');
    return bytes;
  }

  // ---- jobs --------------------------------------------------------------------------------

  function checkOpen(): void {
    if (closing.signal.aborted) throw new TaskFailure('api_error', 'The engine was closed.');
  }

  function untilClosed(): Promise<void> {
    return new Promise((resolve) => {
      if (closing.signal.aborted) resolve();
      else closing.signal.addEventListener('abort', () => resolve(), { once: true });
    });
  }

  async function shrink(p: Picture): Promise<Picture> {
    let small = p;
    while (Math.max(small.width, small.height) >= 1024) small = await thumbnail(small);
    return small;
  }

  async function runJob(
    job: Job,
    work: Work,
    origin: string,
    fault: FaultPlan | null,
    split: boolean,
  ) {
    const task = job.task;
    const previews: string[] = [];
    const base = { task_id: task.id, trace_id: task.trace_id };
    try {
      const drawing = await work.prepare();
      checkOpen();
      const rendered = cached(renderCache, RENDER_CACHE_SIZE, drawing.key, () =>
        limit(async () => {
          const raw = await drawing.draw();
          const thumb = await thumbnail(raw);
          return { raw, thumb, small: await shrink(thumb) };
        }),
      );
      rendered.catch(() => undefined);
      for (const progress of work.steps.slice(0, -1)) {
        await sleep(pace, closing.signal);
        checkOpen();
        const { small } = await rendered;
        const pv = await cached(
          previewCache,
          RENDER_CACHE_SIZE * 8,
          `${drawing.key}|${progress}`,
          () => limit(() => preview(small, progress)),
        );
        checkOpen();
        const imageId = newImageId();
        const path = `/attachments/${task.id}/${imageId}/${task.id}_grid_0.webp`;
        store.putFile(path, {
          taskId: task.id,
          final: false,
          raw: { bytes: pv.raw, type: 'image/webp', width: pv.rawWidth, height: pv.rawHeight },
          thumb: {
            bytes: pv.thumb,
            type: 'image/webp',
            width: pv.thumbWidth,
            height: pv.thumbHeight,
          },
        });
        previews.push(path);
        job.emitLine({
          ...imageFields(
            origin,
            path,
            imageId,
            { width: pv.rawWidth, height: pv.rawHeight },
            { width: pv.thumbWidth, height: pv.thumbHeight },
          ),
          progress,
          actions: [],
          ...base,
          success: true,
        });
        if (fault?.stall) {
          job.stalled = true;
          await untilClosed();
          checkOpen();
        }
      }
      await sleep(pace, closing.signal);
      checkOpen();
      const { raw, thumb } = await rendered;
      const imageId = newImageId();
      const path = `/attachments/${task.id}/${imageId}/${slugOf(work.text)}.png`;
      store.putFile(path, { taskId: task.id, final: true, raw: fileOf(raw), thumb: fileOf(thumb) });
      const body: Body = {
        ...imageFields(origin, path, imageId, raw, thumb),
        progress: 100,
        actions: [...work.actions],
      };
      if (split && work.kind === 'grid') {
        const parts = await limit(() =>
          Promise.all(([1, 2, 3, 4] as const).map((n) => quadrant(raw, n))),
        );
        body.sub_image_urls = parts.map((part, i) => {
          const subPath = `/attachments/${task.id}/${imageId}/0_${i}.png`;
          store.putFile(subPath, { taskId: task.id, final: true, raw: fileOf(part) });
          return `${origin}${subPath}?${signedQuery(subPath, secret, now())}`;
        });
      }
      store.putImage({
        imageId,
        taskId: task.id,
        seed: drawing.seed,
        kind: work.kind,
        actions: work.actions,
        picture: raw,
        text: work.text,
        ...(drawing.redo ? { redo: drawing.redo } : {}),
      });
      for (const p of previews) store.deleteFile(p);
      job.finish({ ...body, ...base, success: true });
    } catch (err) {
      let failure: TaskFailure;
      if (err instanceof TaskFailure) failure = err;
      else {
        log(
          `task ${task.id} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
        );
        failure = new TaskFailure('api_error', 'Internal server error.');
      }
      for (const p of previews) store.deleteFile(p);
      job.finish({
        success: false,
        ...base,
        error: { code: failure.code, message: failure.message },
      });
    }
  }

  function startJob(
    task: TaskRecord,
    work: Work,
    origin: string,
    fault: FaultPlan | null,
    split: boolean,
  ): Job {
    evict();
    store.addTask(task);
    const job = new Job(task, now);
    jobs.set(task.id, job);
    const run = runJob(job, work, origin, fault, split).finally(() => {
      jobs.delete(task.id);
      runs.delete(task.id);
      evict();
    });
    runs.set(task.id, run);
    return job;
  }

  // ---- deliveries --------------------------------------------------------------------------

  const encoder = new TextEncoder();

  function streamResponse(job: Job, fault: FaultPlan | null): Response {
    let unsubscribe: () => void = () => undefined;
    let counted = true;
    openStreams += 1;
    const release = (): void => {
      unsubscribe();
      if (counted) openStreams -= 1;
      counted = false;
    };
    let lines = 0;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        const drop = (progress: unknown): boolean => {
          if (
            fault?.dropAt === undefined ||
            typeof progress !== 'number' ||
            progress < fault.dropAt
          )
            return false;
          release();
          controller.error(new Error('Connection dropped (injected fault)'));
          return true;
        };
        unsubscribe = job.subscribe({
          line(line) {
            if (drop(line.progress)) return;
            controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
            lines += 1;
            if (fault?.malformed && lines === 1)
              controller.enqueue(encoder.encode('{"progress": 5\n'));
          },
          end(body) {
            if (body.success === true && drop(body.progress)) return;
            controller.enqueue(encoder.encode(`${JSON.stringify(body)}\n`));
            controller.close();
            release();
          },
          abort() {
            release();
            controller.error(new Error('Engine restarted'));
          },
        });
      },
      cancel() {
        release();
      },
    });
    return new Response(stream, {
      status: 200,
      headers: {
        'content-type': NDJSON,
        'cache-control': 'no-cache',
        'x-accel-buffering': 'no',
        ...CORS_HEADERS,
      },
    });
  }

  function failureStatus(body: Body): number {
    const code = (body.error as { code?: string } | undefined)?.code ?? 'api_error';
    return ERROR_STATUS[code] ?? 500;
  }

  async function waitResponse(
    job: Job,
    fault: FaultPlan | null,
    timeoutS: number,
  ): Promise<Response> {
    if (fault?.dropAt !== undefined) {
      const dropAt = fault.dropAt;
      await new Promise<void>((resolve) => {
        const stop = job.subscribe({
          line: (line) => {
            if (typeof line.progress === 'number' && line.progress >= dropAt) resolve();
          },
          end: () => resolve(),
        });
        void job.done.then(stop);
      });
      const cut = new ReadableStream<Uint8Array>({
        start: (c) => c.error(new Error('Connection dropped (injected fault)')),
      });
      return new Response(cut, {
        status: 200,
        headers: { 'content-type': 'application/json', ...CORS_HEADERS },
      });
    }
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), timeoutS * 1000);
    });
    const body = await Promise.race([job.done, timedOut]);
    clearTimeout(timer);
    if (body === null)
      return errorResponse('timeout', 'Timeout to generate the image.', job.task.trace_id, 504, {
        task_id: job.task.id,
      });
    return json(body, body.success === true ? 200 : failureStatus(body));
  }

  function postCallback(url: string, body: Body): Promise<void> {
    return fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    })
      .then(async (res) => {
        await res.body?.cancel().catch(() => undefined);
        if (!res.ok) log(`callback to ${url} answered ${res.status}`);
      })
      .catch((err: unknown) => log(`callback to ${url} failed: ${String(err)}`));
  }

  /** Callbacks go out one after another, in order: every line, or only the end. */
  function attachCallbacks(job: Job, url: string, everyLine: boolean): void {
    let chain = Promise.resolve();
    const send = (body: Body): void => {
      chain = chain.then(() => postCallback(url, body));
    };
    job.subscribe({
      line: (line) => {
        if (everyLine) send(line);
      },
      end: (body) => send(body),
    });
  }

  // ---- /midjourney/imagine -----------------------------------------------------------------

  async function imagine(req: Request, url: URL, headerTrace: string): Promise<Response> {
    const fault = faults.take();
    if (fault?.error)
      return errorResponse(fault.error.code, fault.error.message, headerTrace, fault.error.status);
    const read = await readJsonObject(req);
    if (!read.ok) return errorResponse(read.code, read.message, headerTrace);
    const raw = read.value;
    const traceId = typeof raw.trace_id === 'string' && raw.trace_id ? raw.trace_id : headerTrace;
    const bad = (message: string): Response => errorResponse('bad_request', message, traceId);
    const parsed = imagineRequestSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') || 'body';
      if (field === 'mode') return bad('mode must be one of fast, relax, turbo');
      return bad(`Invalid \`${field}\`: ${issue?.message ?? 'bad value'}`);
    }
    const request = parsed.data;
    const action = request.action ?? 'generate';

    let plan: Plan;
    if (action === 'generate') {
      plan = planGenerate(request.prompt, { store, limit, fetchImage });
    } else {
      if (!request.image_id) return bad(`image_id is required for action \`${action}\``);
      const image = store.getImage(request.image_id);
      if (!image)
        return bad(
          `Image ${request.image_id} was not found, so action \`${action}\` cannot be applied to it`,
        );
      if (!actionAllowed(image, action)) {
        const available = [...image.actions];
        if (image.actions.includes('variation_subtle')) available.push('variation_region');
        return bad(
          `Action \`${action}\` is not available for image ${image.imageId}; available: ${available.join(', ')}`,
        );
      }
      let mask: Buffer | undefined;
      if (action === 'variation_region') {
        const decoded = await decodeMask(request.mask);
        if (typeof decoded === 'string') return bad(decoded);
        mask = decoded;
      }
      plan = planAction(action, image, request.prompt, mask);
    }
    if (!plan.ok) return bad(plan.message);

    const callbackUrl = request.callback_url;
    if (callbackUrl !== undefined && !/^https?:\/\/\S+$/i.test(callbackUrl))
      return bad('callback_url must be an http(s) URL');

    const echo: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(raw)) if (!TOKEN_KEYS.test(key)) echo[key] = value;
    const task: TaskRecord = {
      id: randomUUID(),
      trace_id: traceId,
      type: 'imagine',
      created_at: now() / 1000,
      request: echo,
      state: 'pending',
      attachments: new Set(),
      images: new Set(),
    };
    const job = startJob(task, plan.work, url.origin, fault, request.split_images === true);

    const ndjson = (req.headers.get('accept') ?? '').toLowerCase().includes(NDJSON);
    if (request.async === true || callbackUrl) {
      if (callbackUrl) attachCallbacks(job, callbackUrl, ndjson);
      return json({ success: true, task_id: task.id, trace_id: traceId });
    }
    if (ndjson) return streamResponse(job, fault);
    return waitResponse(job, fault, request.timeout && request.timeout > 0 ? request.timeout : 480);
  }

  // ---- /midjourney/tasks -------------------------------------------------------------------

  async function tasks(req: Request, headerTrace: string): Promise<Response> {
    const read = await readJsonObject(req);
    if (!read.ok) return errorResponse(read.code, read.message, headerTrace);
    const traceId = headerTrace;
    const parsed = tasksRequestSchema.safeParse(read.value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return errorResponse(
        'bad_request',
        `Invalid \`${issue?.path.join('.') || 'body'}\`: ${issue?.message ?? 'bad value'}`,
        traceId,
      );
    }
    const q = parsed.data;
    const action = q.action ?? 'retrieve';
    if (action === 'retrieve') {
      const id = q.id || q.task_id;
      if (id) {
        const task = store.getTask(id);
        if (!task) return errorResponse('not_found', `No task with id ${id}`, traceId, 404);
        return json(taskView(task));
      }
      if (q.trace_id) {
        const task = store.findByTrace(q.trace_id);
        if (!task)
          return errorResponse('not_found', `No task with trace_id ${q.trace_id}`, traceId, 404);
        return json(taskView(task));
      }
      return errorResponse(
        'bad_request',
        'id (or trace_id) is required to retrieve a task',
        traceId,
      );
    }
    if ((q.ids && q.ids.length > 0) || (q.trace_ids && q.trace_ids.length > 0)) {
      const found = [
        ...(q.ids ?? []).map((id) => store.getTask(id)),
        ...(q.trace_ids ?? []).map((t) => store.findByTrace(t)),
      ].filter((t): t is TaskRecord => t !== undefined);
      const items = [...new Map(found.map((t) => [t.id, t])).values()].map(taskView);
      return json({ items, count: items.length });
    }
    const numberOf = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
    const listed = store.list({
      offset: q.offset ?? 0,
      limit: q.limit ?? 12,
      ...(typeof read.value.type === 'string' ? { type: read.value.type } : {}),
      ...(numberOf(read.value.created_at_min) !== undefined
        ? { createdMin: numberOf(read.value.created_at_min) }
        : {}),
      ...(numberOf(read.value.created_at_max) !== undefined
        ? { createdMax: numberOf(read.value.created_at_max) }
        : {}),
    });
    return json({ items: listed.items.map(taskView), count: listed.total });
  }

  // ---- /__engine/* -------------------------------------------------------------------------

  function state(): EngineState {
    evict();
    const s = store.stats();
    return {
      tasks: s.tasks,
      images: s.images,
      files: s.files,
      bytes: s.bytes,
      active_jobs: jobs.size,
      stalled_jobs: [...jobs.values()].filter((j) => j.stalled).length,
      open_streams: openStreams,
      pace_ms: pace,
      faults: faults.list(),
    };
  }

  function setPace(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('pace must be ≥ 0 ms');
    pace = ms;
  }

  async function admin(
    req: Request,
    path: string,
    method: string,
    trace: string,
  ): Promise<Response> {
    const route = `${method} ${path}`;
    const body = async (): Promise<Record<string, unknown> | Response> => {
      const read = await readJsonObject(req);
      return read.ok ? read.value : errorResponse(read.code, read.message, trace);
    };
    switch (route) {
      case 'GET /__engine/state':
        return json(state());
      case 'GET /__engine/pace':
        return json({ success: true, ms: pace });
      case 'POST /__engine/pace': {
        const b = await body();
        if (b instanceof Response) return b;
        if (typeof b.ms !== 'number' || !Number.isFinite(b.ms) || b.ms < 0 || b.ms > 600_000)
          return errorResponse(
            'bad_request',
            '`ms` must be a number of milliseconds (0–600000)',
            trace,
          );
        setPace(b.ms);
        return json({ success: true, ms: pace });
      }
      case 'GET /__engine/faults':
        return json({ success: true, faults: faults.list() });
      case 'POST /__engine/faults': {
        const b = await body();
        if (b instanceof Response) return b;
        const rule = parseFaultRule(b);
        if (typeof rule === 'string') return errorResponse('bad_request', rule, trace);
        faults.add(rule);
        return json({ success: true, faults: faults.list() });
      }
      case 'DELETE /__engine/faults':
        faults.clear();
        return json({ success: true, faults: [] });
      case 'POST /__engine/token': {
        // Require a token from now on (or none, with null): for the refused-token journey.
        const b = await body();
        if (b instanceof Response) return b;
        if (b.token !== null && (typeof b.token !== 'string' || b.token === ''))
          return errorResponse('bad_request', '`token` must be a non-empty string or null', trace);
        requiredToken = b.token === null ? undefined : b.token;
        return json({ success: true, token_required: requiredToken !== undefined });
      }
      case 'POST /__engine/restart':
        // As if the process died and came back: every task, image and open stream is gone.
        for (const job of jobs.values()) job.abort();
        jobs.clear();
        faults.clear();
        store.clear(() => false);
        renderCache.clear();
        previewCache.clear();
        return json({ success: true });
      case 'POST /__engine/reset':
        faults.clear();
        pace = initialPace;
        requiredToken = options.token;
        store.clear((id) => jobs.has(id));
        renderCache.clear();
        previewCache.clear();
        return json({ success: true });
      default:
        return errorResponse('no_api', `The API ${route} is not found.`, trace, 404);
    }
  }

  // ---- routing -----------------------------------------------------------------------------

  function checkAuth(req: Request, trace: string): Response | null {
    const header = req.headers.get('authorization')?.trim();
    if (!header)
      return errorResponse(
        'no_token',
        'The token is not provided; send the header `authorization: Bearer <token>`.',
        trace,
        400,
      );
    if (requiredToken === undefined) return null;
    const given = /^Bearer\s+(.+)$/.exec(header)?.[1]?.trim() ?? '';
    const digest = (s: string): Buffer => createHash('sha256').update(s).digest();
    if (!given || !timingSafeEqual(digest(given), digest(requiredToken)))
      return errorResponse('invalid_token', 'The specified token is invalid or wrong.', trace, 401);
    return null;
  }

  async function route(req: Request): Promise<Response> {
    const url = new URL(req.url);
    const path = url.pathname;
    const method = req.method.toUpperCase();
    const trace = req.headers.get('x-trace-id') || randomUUID();
    if (method === 'OPTIONS' && isEnginePath(path))
      return new Response(null, { status: 204, headers: PREFLIGHT_HEADERS });
    if (path.startsWith('/attachments/')) {
      if (method === 'GET' || method === 'HEAD') return serveAttachment(url, method);
      return errorResponse('no_api', `The API ${method} ${path} is not found.`, trace, 404);
    }
    if (path.startsWith('/__engine/')) return admin(req, path, method, trace);
    const api = /^\/midjourney\/([a-z_]+)\/?$/.exec(path)?.[1];
    if (method === 'POST' && (api === 'imagine' || api === 'tasks')) {
      const denied = checkAuth(req, trace);
      if (denied) return denied;
      return api === 'imagine' ? imagine(req, url, trace) : tasks(req, trace);
    }
    if (method === 'POST' && api !== undefined && SIBLING_APIS.has(api))
      return errorResponse('api_not_implemented', 'The API is not implemented.', trace, 400);
    return errorResponse('no_api', `The API ${method} ${path} is not found.`, trace, 404);
  }

  return {
    async handle(req: Request): Promise<Response> {
      try {
        return await route(req);
      } catch (err) {
        log(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        return errorResponse('api_error', 'Internal server error.', randomUUID(), 500);
      }
    },
    close(): void {
      closing.abort();
    },
    get paceMs(): number {
      return pace;
    },
    setPace,
    state,
    async idle(): Promise<void> {
      for (;;) {
        const pending = [...runs.entries()]
          .filter(([id]) => !jobs.get(id)?.stalled)
          .map(([, run]) => run);
        if (pending.length === 0) return;
        await Promise.all(pending);
      }
    },
  };
}
