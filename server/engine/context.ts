/**
 * What every part of one engine shares: its store, running jobs, faults, render gate and caches,
 * and the settings admin can change. Made once by `createEngine`; routes, the job runner and the
 * deliveries take it as their first argument instead of closing over one big function.
 */
import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { EngineOptions } from './options';
import { OwnOrigins, hostPolicy } from '../shared/host-policy';
import type { Picture, Preview } from './pictures/picture';
import { FaultQueue } from './faults';
import type { Job } from './job';
import { createLimiter, type Limiter } from './limiter';
import { TaskStore } from './task-store';

/** Default time per progress step. */
export const DEFAULT_PACE_MS = 700;

/** A finished drawing and the reductions made from it. */
export interface Rendered {
  raw: Picture;
  thumb: Picture;
  /** A ≥512-px reduction the previews are made from (cheaper than the full picture). */
  small: Picture;
}

/** The shared state of one engine. */
export interface EngineContext {
  readonly options: EngineOptions;
  readonly store: TaskStore;
  readonly faults: FaultQueue;
  /** Rendering gate: sharp already uses every core per operation. */
  readonly limit: Limiter;
  readonly jobs: Map<string, Job>;
  readonly runs: Map<string, Promise<void>>;
  /** Aborted when the engine closes; every sleeping job listens on it. */
  readonly closing: AbortController;
  /** Per-engine secret of the attachment links' `hm`. */
  readonly secret: string;
  readonly now: () => number;
  readonly log: (message: string) => void;
  readonly fetchImpl: typeof fetch;
  /** The engine's names and ports: what counts as itself (admin origins, URLs it must not fetch). */
  readonly own: OwnOrigins;
  readonly limits: { maxTasks: number; maxAgeMs: number; maxBytes: number };
  // Same key → same pictures: fifty streams of one prompt draw it once.
  readonly renderCache: Map<string, Promise<Rendered>>;
  readonly previewCache: Map<string, Promise<Preview>>;
  pace: number;
  requiredToken: string | undefined;
  openStreams: number;
}

/** A fresh context from the options. */
export function createContext(options: EngineOptions): EngineContext {
  const closing = new AbortController();
  // Every sleeping job listens on it; fifty at once is normal, not a leak.
  setMaxListeners(0, closing.signal);
  return {
    options,
    store: new TaskStore(),
    faults: new FaultQueue(),
    limit: createLimiter(2),
    jobs: new Map(),
    runs: new Map(),
    closing,
    secret: randomBytes(16).toString('hex'),
    now: options.now ?? Date.now,
    log: options.log ?? (() => undefined),
    fetchImpl: options.fetchImpl ?? ((input, init) => fetch(input, init)),
    own: new OwnOrigins(options.hosts ?? hostPolicy(undefined)),
    limits: {
      maxTasks: options.maxTasks ?? 2000,
      maxAgeMs: options.maxAgeMs ?? 6 * 3600 * 1000,
      maxBytes: options.maxBytes ?? 1024 * 1024 * 1024,
    },
    renderCache: new Map(),
    previewCache: new Map(),
    pace: options.paceMs ?? DEFAULT_PACE_MS,
    requiredToken: options.token,
    openStreams: 0,
  };
}

/** Drop old idle tasks and their files, within the engine's limits. */
export function evict(ctx: EngineContext): void {
  ctx.store.evict({ now: ctx.now(), ...ctx.limits, isActive: (id) => ctx.jobs.has(id) });
}

/** Least-recently-used memo of promises (a failed promise is forgotten). */
export function cached<T>(
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
