/**
 * The local engine: the Imagine API contract (shared reference `imagine-api.md`) as one
 * fetch-style handler, drawing real pictures with sharp. Mounted in Vite (dev and preview), run
 * standalone (`npm run engine`), or called in-process by tests.
 *
 * Layout: `http/` routes requests (imagine, tasks, admin) and bridges to Node; `engine/` runs
 * jobs, stores tasks and attachments and delivers results (wait, stream, async + callback);
 * `pictures/` draws. A job runs on its own: deliveries only listen to it, so a client that
 * disconnects never stops a job.
 */
import { randomUUID } from 'node:crypto';
import { engineState, setPace } from './http/admin-route';
import { errorResponse } from './http/http-util';
import { route, routeCdn } from './http/router';
import { createContext } from './engine/context';
import type { FaultRule } from './engine/faults';
import type { HostPolicy } from './http/host-policy';

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
  /** Bytes of stored images and requests kept (default 1 GiB); the oldest idle tasks go first. */
  maxBytes?: number;
  /** Fetch used for image prompts and callbacks (default: global fetch). */
  fetchImpl?: typeof fetch;
  /** Where to report ignorable trouble (failed callbacks, internal errors). Default: silent. */
  log?: (message: string) => void;
  /** Clock in ms (tests of eviction by age). */
  now?: () => number;
  /** Origin attachment links point at (the CDN listener's); default: the request's origin. */
  cdnOrigin?: string;
  /** Whether attachments allow cross-origin reads (`access-control-allow-origin: *`); default off. */
  cdnCors?: boolean;
  /** Seconds an attachment link stays valid (default 86400); after that it answers 404. */
  linkTtlS?: number;
  /** The names the engine's listeners answer for (default: this machine's loopback names). */
  hosts?: HostPolicy;
}

/** What `GET /__engine/state` reports. */
export interface EngineState {
  tasks: number;
  /** Images that actions can start from. */
  images: number;
  /** Stored image files (finals, thumbnails share an entry with their raw file; previews). */
  files: number;
  bytes: number;
  /** Bytes of stored request bodies (masks): counted with `bytes` against `maxBytes`. */
  request_bytes: number;
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
  /** Answer one request to the CDN origin: attachments only (never throws). */
  handleCdn(req: Request): Promise<Response>;
  /** Stop: running and stalled jobs end as failed, timers stop. */
  close(): void;
  readonly paceMs: number;
  setPace(ms: number): void;
  state(): EngineState;
  /** Resolves when every job that is not stalled has ended (tests). */
  idle(): Promise<void>;
  /**
   * Tell the engine a port it is served on (its API, or its picture origin): URLs naming it are
   * the engine itself, and an admin request's `Origin` must name an API port.
   */
  listening(kind: 'api' | 'cdn', port: number): void;
}

/** Create an engine. No timers run until a job does. */
export function createEngine(options: EngineOptions = {}): Engine {
  const ctx = createContext(options);
  return {
    async handle(req: Request): Promise<Response> {
      try {
        return await route(ctx, req);
      } catch (err) {
        ctx.log(
          `internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
        );
        return errorResponse('api_error', 'Internal server error.', randomUUID(), 500);
      }
    },
    async handleCdn(req: Request): Promise<Response> {
      try {
        return await routeCdn(ctx, req);
      } catch (err) {
        ctx.log(`cdn error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        return errorResponse('api_error', 'Internal server error.', randomUUID(), 500);
      }
    },
    close(): void {
      ctx.closing.abort();
    },
    get paceMs(): number {
      return ctx.pace;
    },
    setPace: (ms) => setPace(ctx, ms),
    state: () => engineState(ctx),
    listening(kind, port) {
      (kind === 'api' ? ctx.own.apiPorts : ctx.own.cdnPorts).add(port);
    },
    async idle(): Promise<void> {
      for (;;) {
        const pending = [...ctx.runs.entries()]
          .filter(([id]) => !ctx.jobs.get(id)?.stalled)
          .map(([, run]) => run);
        if (pending.length === 0) return;
        await Promise.all(pending);
      }
    },
  };
}
