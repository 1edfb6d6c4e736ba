/**
 * Small pure steps the job machine is built from (a field change, news, success, failure,
 * a stall). Each returns the next job and the effects it needs.
 */
import type { Delivery, TaskKey } from '../../api/client-config';
import type { Msg } from '../../api/message';
import { isJobActive, type Job, type JobError } from '../job';
import type { JobKind, KindResponse } from '../kind';
import { idleRun, type CallError, type MachineCtx, type Transition } from './types';

/** The job with `patch` applied (a key set to `undefined` is removed) and `updatedAt` = now. */
export function change(job: Job, patch: Partial<Job>, now: number): Job {
  const next: Job = { ...job, ...patch, updatedAt: now };
  for (const key of Object.keys(patch) as (keyof Job)[]) {
    if (patch[key] === undefined) delete next[key];
  }
  return next;
}

/** How long nothing new was heard of a job. */
export function quietFor(job: Job, now: number): number {
  return now - (job.lastNewsAt ?? job.startedAt ?? job.createdAt);
}

/** The delivery to use: the wanted one when the kind supports it, else the kind's first. */
export function supportedDelivery(kind: JobKind, wanted: Delivery): Delivery {
  return kind.deliveries.includes(wanted) ? wanted : (kind.deliveries[0] ?? wanted);
}

/** How to find the job on the tasks endpoint: by task id once known, else by trace id. */
export function keyOf(job: Job): TaskKey {
  return job.taskId ? { id: job.taskId } : { trace_id: job.traceId };
}

/** A call error as the job shows it; the provider's code and message word for word. */
export function errorOf(err: CallError, job: Job): JobError {
  return {
    kind: err.kind,
    // The studio's words as a code; a provider's (or a browser's) words as they are.
    ...(err.reason ? { reason: err.reason } : { message: err.message }),
    ...(err.code ? { code: err.code } : {}),
    ...(err.status === undefined ? {} : { status: err.status }),
    ...(err.retryAfterMs === undefined ? {} : { retryAfterMs: err.retryAfterMs }),
    traceId: err.traceId ?? job.traceId,
  };
}

/** The service has no record of the task. */
export function lost(reason: Msg, job: Job): JobError {
  return { kind: 'lost', reason, traceId: job.traceId };
}

/** Ends the job as failed (a done job stays done). */
export function fail(job: Job, error: JobError, ctx: MachineCtx): Transition {
  if (job.status === 'done') return { job, run: ctx.run, effects: [] };
  const next = change(
    job,
    { status: 'failed', error, preview: undefined, finishedAt: ctx.now },
    ctx.now,
  );
  return { job: next, run: idleRun(ctx.tuning), effects: [{ type: 'save' }, { type: 'end' }] };
}

/** Ends the job with a final response: a result, or the failure it describes. */
export function settle(
  job: Job,
  response: KindResponse,
  ctx: MachineCtx,
  traceId?: string,
): Transition {
  const settled = ctx.kind.settle(response);
  if (!settled.ok) {
    return fail(
      job,
      { ...settled.error, traceId: traceId ?? settled.error.traceId ?? job.traceId },
      ctx,
    );
  }
  const { result } = settled;
  const next = change(
    job,
    {
      status: 'done',
      progress: 100,
      result,
      taskId: job.taskId ?? result.task_id,
      preview: undefined,
      error: undefined,
      // A note on a finished job (cancelled, could not check) is over; one from Retry stays,
      // unless the result brings its own (a refused link).
      ...(settled.note ? { note: settled.note } : isJobActive(job) ? {} : { note: undefined }),
      finishedAt: ctx.now,
      lastNewsAt: ctx.now,
    },
    ctx.now,
  );
  const urls = ctx.kind.imagesOf(result);
  return {
    job: next,
    run: idleRun(ctx.tuning),
    effects: [
      { type: 'save' },
      ...(urls.length ? [{ type: 'cache' as const, urls }] : []),
      { type: 'end' },
    ],
  };
}

/** Something new was heard: progress and preview; a stalled job is running again. */
export function news(job: Job, response: KindResponse, ctx: MachineCtx): Transition {
  const { progress, preview } = ctx.kind.progressOf(response);
  const unstall = job.status === 'stalled';
  const next = change(
    job,
    {
      progress: progress ?? job.progress,
      lastNewsAt: ctx.now,
      ...(preview ? { preview } : {}),
      ...(unstall ? { status: 'running' as const } : {}),
    },
    ctx.now,
  );
  return {
    job: next,
    run: ctx.run,
    effects: [
      ...(unstall ? [{ type: 'save' as const }] : []),
      { type: 'notify', ...(preview ? { previewUrl: preview.url } : {}) },
    ],
  };
}

/** The service's own timeout for this job: its request's `timeout` (seconds), else the default. */
export function serviceTimeoutOf(job: Job, ctx: MachineCtx): number {
  const asked = (job.request as { timeout?: unknown }).timeout;
  return typeof asked === 'number' && asked > 0 ? asked * 1000 : ctx.tuning.serviceTimeoutMs;
}

/**
 * How long until a quiet job may be called stalled: the rest of its silence (`stallAfterMs`)
 * or of the service's own timeout since it was sent, whichever ends later (0: it may be now).
 */
export function untilStallable(job: Job, ctx: MachineCtx): number {
  const sentAt = job.startedAt ?? job.createdAt;
  const silence = ctx.tuning.stallAfterMs - quietFor(job, ctx.now);
  const service = sentAt + serviceTimeoutOf(job, ctx) - ctx.now;
  return Math.max(0, silence, service);
}

/**
 * A running job quiet for `stallAfterMs` is shown `stalled` (and saved so), but never before the
 * service's own timeout has passed since it was sent: until then the service may still answer.
 */
export function stallIfQuiet(job: Job, ctx: MachineCtx): { job: Job; saved: boolean } {
  if (job.status !== 'running' || untilStallable(job, ctx) > 0) return { job, saved: false };
  return { job: change(job, { status: 'stalled' }, ctx.now), saved: true };
}

/**
 * The watchdog's next look at an open call: the rest of the silence; once silent, again every
 * `stalledPollMs` (sooner when the service's timeout ends first), stalled or not.
 */
export function nextWatchMs(job: Job, ctx: MachineCtx): number {
  const { stallAfterMs, stalledPollMs } = ctx.tuning;
  if (job.status === 'stalled') return stalledPollMs;
  const quiet = quietFor(job, ctx.now);
  if (quiet < stallAfterMs) return stallAfterMs - quiet;
  return Math.max(1, Math.min(stalledPollMs, untilStallable(job, ctx)));
}
