/** The engine's state as admin and `Engine.state()` report it, and the pace both can set. */
import { evict, type EngineContext } from './context';
import type { EngineState } from './options';

/** What `GET /__engine/state` reports. */
export function engineState(ctx: EngineContext): EngineState {
  evict(ctx);
  const s = ctx.store.stats();
  return {
    tasks: s.tasks,
    images: s.images,
    files: s.files,
    bytes: s.bytes,
    request_bytes: s.requestBytes,
    active_jobs: ctx.jobs.size,
    stalled_jobs: [...ctx.jobs.values()].filter((j) => j.stalled).length,
    open_streams: ctx.openStreams,
    pace_ms: ctx.pace,
    faults: ctx.faults.list(),
  };
}

/** Set the time per progress step. */
export function setPace(ctx: EngineContext, ms: number): void {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError('pace must be ≥ 0 ms');
  ctx.pace = ms;
}
