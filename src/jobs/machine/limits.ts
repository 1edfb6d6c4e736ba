/**
 * The service's limits as the job machine meets them, pure like the rest of it:
 * - a 429 (too many requests) at submission means the service took nothing, so the job is sent
 *   again by itself: after the wait `Retry-After` asks for, else after 1, 2, 4, 8, 16 s (with a
 *   little jitter, reference §7), at most `RATE_LIMIT_TRIES` times, then it fails as before;
 * - a moderation refusal (403 `forbidden`) is final: it is never sent again, not even by Retry,
 *   until the prompt has changed (a new job).
 */
import { isJobActive, type Job, type JobError } from '../job';
import { change, errorOf, fail } from './steps';
import { idleRun, type CallError, type MachineCtx, type Transition } from './types';

/** 429s answered to one submission before the job fails instead of waiting again. */
export const RATE_LIMIT_TRIES = 5;

/** The longest `Retry-After` honoured as asked (a longer one is capped; Retry now sends sooner). */
const MAX_RETRY_AFTER_MS = 60 * 60_000;

/** True for a refusal by the service's moderators: final, and Retry asks for another prompt. */
export function isModerationRefusal(error: Pick<JobError, 'code' | 'status'> | undefined): boolean {
  if (!error) return false;
  return error.code === 'forbidden' || (error.status === 403 && !error.code);
}

/** True while a job waits to be sent again after a 429. */
export function isRateLimited(job: Pick<Job, 'status' | 'retryAt'>): boolean {
  return job.status === 'queued' && job.retryAt !== undefined;
}

/** A small, repeatable jitter (up to a quarter of `base`) from the trace id: no randomness here. */
function jitter(traceId: string, tries: number, base: number): number {
  let h = tries;
  for (let i = 0; i < traceId.length; i += 1) h = (h * 31 + traceId.charCodeAt(i)) >>> 0;
  return h % Math.floor(base / 4 + 1);
}

/** How long to wait before sending again after the `tries`-th 429. */
export function rateLimitWaitMs(error: CallError, tries: number, traceId: string): number {
  if (error.retryAfterMs !== undefined && error.retryAfterMs >= 0) {
    return Math.min(error.retryAfterMs, MAX_RETRY_AFTER_MS);
  }
  const base = 1000 * 2 ** (tries - 1);
  return base + jitter(traceId, tries, base);
}

/**
 * The service answered 429 to the submission: back to `queued`, keeping the provider's words, to
 * be sent again at `retryAt` (the execution keeps its slot while it waits); failed after
 * `RATE_LIMIT_TRIES`.
 */
export function rateLimited(job: Job, error: CallError, ctx: MachineCtx): Transition {
  const tries = (ctx.run.rateLimited ?? 0) + 1;
  if (tries > RATE_LIMIT_TRIES) return fail(job, errorOf(error, job), ctx);
  const wait = rateLimitWaitMs(error, tries, job.traceId);
  const next = change(
    job,
    {
      status: 'queued',
      progress: 0,
      error: errorOf(error, job),
      retryAt: ctx.now + wait,
      startedAt: undefined,
      lastNewsAt: undefined,
      target: undefined,
      preview: undefined,
    },
    ctx.now,
  );
  return {
    job: next,
    run: { ...idleRun(ctx.tuning), phase: 'waiting', rateLimited: tries },
    effects: [
      { type: 'save' },
      { type: 'clearTimer', timer: 'silence' },
      { type: 'timer', timer: 'resend', afterMs: wait },
    ],
  };
}

/** A slot for a job whose wait is not over yet (e.g. after a reload): wait the rest of it. */
export function waitForResend(job: Job, ctx: MachineCtx): Transition {
  const afterMs = Math.max(0, (job.retryAt ?? ctx.now) - ctx.now);
  return {
    job,
    run: { ...idleRun(ctx.tuning), phase: 'waiting', rateLimited: ctx.run.rateLimited },
    effects: [{ type: 'timer', timer: 'resend', afterMs }],
  };
}

/** True when the job is waiting for its resend in this execution. */
export function waitingHere(job: Job, ctx: MachineCtx): boolean {
  return ctx.run.phase === 'waiting' && isJobActive(job) && isRateLimited(job);
}
