/**
 * The local engine: the Imagine API contract (shared reference `imagine-api.md`) as one
 * fetch-style handler, drawing real pictures with sharp. Mounted in Vite (dev and preview), run
 * standalone (`npm run engine`), or called in-process by tests.
 *
 * Layout: `endpoints/` answers each of the provider's endpoints (one folder each, listed in
 * `registry.ts`) plus admin and attachments; `http/` is their kit (bodies, errors, deliveries:
 * wait, stream, async + callback); `engine/` runs jobs and stores tasks and attachments;
 * `pictures/` and `video/` draw; `host/` bridges to Node and Vite. A job runs on its own:
 * deliveries only listen to it, so a client that disconnects never stops a job.
 */
import { randomUUID } from 'node:crypto';
import { errorResponse } from '../http/responses';
import type { Endpoint } from './endpoint';
import { ENDPOINTS } from './registry';
import { endpointMap, route, routeCdn } from './router';
import { createContext } from '../engine/context';
import type { EngineOptions, EngineState } from '../engine/options';
import { engineState, setPace } from '../engine/state';

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

/** How a `createEngine` call tunes the engine, and which endpoints it answers. */
export interface CreateEngineOptions extends EngineOptions {
  /** The provider's endpoints mounted (default: the registry's). */
  endpoints?: readonly Endpoint[];
}

/** Create an engine. No timers run until a job does. */
export function createEngine({
  endpoints = ENDPOINTS,
  ...options
}: CreateEngineOptions = {}): Engine {
  const ctx = createContext(options);
  const mounted = endpointMap(endpoints);
  return {
    async handle(req: Request): Promise<Response> {
      try {
        return await route(ctx, req, mounted);
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
