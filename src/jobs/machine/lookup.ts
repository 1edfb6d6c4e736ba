/**
 * What a tasks lookup means, by phase: while the call is still open (the silence watchdog), while
 * following a task after the call ended (polling with backoff), and when the person asked to
 * check a job ("Check again", and what it found). Pure, like the rest of the machine.
 */
import type { Task } from '../../api/contract';
import { isTaskFinished } from '../../api/task-state';
import { isJobActive, type Job } from '../job';
import { jobMsg } from '../job-codes';
import {
  change,
  errorOf,
  fail,
  keyOf,
  lost,
  news,
  nextWatchMs,
  settle,
  stallIfQuiet,
} from './steps';
import {
  NEVER_ARRIVED_MESSAGE,
  UNKNOWN_TASK_MESSAGE,
  UNKNOWN_TRACE_LIMIT,
  idleRun,
  type CallError,
  type Effect,
  type JobEvent,
  type MachineCtx,
  type Run,
  type Transition,
} from './types';

type Outcome = 'unknown' | 'news' | 'same';

/** Asks the tasks endpoint now. */
export function lookupNow(job: Job, ctx: MachineCtx): Transition {
  return {
    job,
    run: { ...ctx.run, lookingUp: true, again: false },
    effects: [{ type: 'lookup', key: keyOf(job) }],
  };
}

function withEffects(effects: Effect[], step: Transition): Transition {
  return effects.length ? { ...step, effects: [...effects, ...step.effects] } : step;
}

/** The wait after a failed lookup; doubles up to `maxBackoffMs`. */
function nextBackoff(run: Run, ctx: MachineCtx): { wait: number; run: Run } {
  const wait = run.backoffMs;
  return { wait, run: { ...run, backoffMs: Math.min(wait * 2, ctx.tuning.maxBackoffMs) } };
}

/** A lookup answered: the task, or `null` when the service does not know it. */
export function onLookupResult(job: Job, task: Task | null, ctx0: MachineCtx): Transition {
  const again = ctx0.run.again;
  const ctx: MachineCtx = { ...ctx0, run: { ...ctx0.run, lookingUp: false, again: false } };
  const effects: Effect[] = [];
  let current = job;
  if (task?.id && !job.taskId) {
    current = change(job, { taskId: task.id }, ctx.now);
    effects.push({ type: 'save' });
  }
  if (task && isTaskFinished(task)) {
    return withEffects(effects, settle(current, task.response ?? {}, ctx, task.trace_id));
  }
  let outcome: Outcome = 'unknown';
  if (task) {
    outcome = 'same';
    const response = task.response ?? {};
    const p = ctx.kind.progressOf(response).progress;
    // A pending task's latest line may say `success: true`; only progress is news here.
    if (typeof p === 'number' && p !== current.progress) {
      const step = news(current, response, ctx);
      current = step.job!;
      effects.push(...step.effects);
      outcome = 'news';
    }
  }
  if (ctx.run.phase === 'sending') return afterWatch(current, outcome, effects, again, ctx);
  if (ctx.run.phase === 'polling') return afterPoll(current, outcome, effects, again, ctx);
  if (ctx.run.phase === 'checking') return afterCheck(current, outcome, effects, again, ctx);
  return { job: current, run: ctx.run, effects };
}

/** A lookup failed (network, HTTP error, malformed reply). */
export function onLookupFailed(job: Job, error: CallError, ctx0: MachineCtx): Transition {
  const again = ctx0.run.again;
  const ctx: MachineCtx = { ...ctx0, run: { ...ctx0.run, lookingUp: false, again: false } };
  const { tuning } = ctx;
  if (ctx.run.phase === 'sending') return afterWatch(job, 'same', [], again, ctx);
  if (ctx.run.phase === 'checking') {
    if (isJobActive(job)) return pollLater(job, ctx, again ? 0 : tuning.pollIntervalMs, []);
    const next = change(
      job,
      { note: jobMsg('job.check-failed', { reason: error.reason ?? error.message }) },
      ctx.now,
    );
    return { job: next, run: idleRun(tuning), effects: [{ type: 'save' }, { type: 'end' }] };
  }
  if (ctx.run.phase !== 'polling') return { job, run: ctx.run, effects: [] };
  let { run } = ctx;
  let delay: number;
  if (error.kind === 'http' && error.status === 429) {
    const b = nextBackoff(run, ctx);
    run = b.run;
    delay = Math.max(error.retryAfterMs ?? b.wait, tuning.pollIntervalMs);
  } else if (error.kind === 'http' && error.status !== undefined && error.status < 500) {
    return fail(job, errorOf(error, job), ctx);
  } else {
    const b = nextBackoff(run, ctx);
    run = b.run;
    delay = b.wait;
  }
  return pollLater(job, { ...ctx, run }, again ? 0 : delay, []);
}

/** Marks a quiet job stalled and sets the next poll. */
function pollLater(job: Job, ctx: MachineCtx, afterMs: number, effects: Effect[]): Transition {
  const stalled = stallIfQuiet(job, ctx);
  return {
    job: stalled.job,
    run: { ...ctx.run, phase: 'polling' },
    effects: [
      ...effects,
      ...(stalled.saved ? [{ type: 'save' as const }] : []),
      { type: 'timer', timer: 'poll', afterMs },
    ],
  };
}

/** The call is still open: finished → settle; nothing new → `stalled`, and ask again slowly. */
function afterWatch(
  job: Job,
  outcome: Outcome,
  effects: Effect[],
  again: boolean,
  ctx: MachineCtx,
): Transition {
  if (outcome === 'unknown' && job.taskId) {
    return withEffects(effects, fail(job, lost(UNKNOWN_TASK_MESSAGE, job), ctx));
  }
  const stalled = outcome === 'news' ? { job, saved: false } : stallIfQuiet(job, ctx);
  const out = [...effects, ...(stalled.saved ? [{ type: 'save' as const }] : [])];
  if (again) return withEffects(out, lookupNow(stalled.job, ctx));
  return {
    job: stalled.job,
    run: ctx.run,
    effects: [...out, { type: 'timer', timer: 'silence', afterMs: nextWatchMs(stalled.job, ctx) }],
  };
}

/** Following the task after the call ended. */
function afterPoll(
  job: Job,
  outcome: Outcome,
  effects: Effect[],
  again: boolean,
  ctx: MachineCtx,
): Transition {
  const { tuning, now } = ctx;
  // A lookup that answered resets the backoff.
  let run: Run = { ...ctx.run, backoffMs: tuning.pollIntervalMs };
  let current = job;
  let delay: number;
  if (outcome === 'unknown') {
    if (job.taskId) return withEffects(effects, fail(job, lost(UNKNOWN_TASK_MESSAGE, job), ctx));
    if (run.onUnknown === 'submit') {
      // Queued on disk and unknown to the service: it was never sent, so send it now.
      return {
        job,
        run: idleRun(tuning),
        effects: [...effects, { type: 'end' }, { type: 'enqueue' }],
      };
    }
    run = { ...run, unknown: run.unknown + 1 };
    if (run.unknown >= UNKNOWN_TRACE_LIMIT) {
      return withEffects(effects, fail(job, lost(NEVER_ARRIVED_MESSAGE, job), ctx));
    }
    const b = nextBackoff(run, ctx);
    run = b.run;
    delay = b.wait;
  } else {
    if (job.status === 'queued') {
      // Found on the service: a job recovered as queued was in fact sent.
      current = change(job, { status: 'running', startedAt: now, lastNewsAt: now }, now);
      effects = [...effects, { type: 'save' }];
    }
    delay = current.status === 'stalled' ? tuning.stalledPollMs : tuning.pollIntervalMs;
  }
  return pollLater(current, { ...ctx, run }, again ? 0 : delay, effects);
}

/** A check the person asked for on a job no one was following (failed, cancelled, orphaned). */
function afterCheck(
  job: Job,
  outcome: Outcome,
  effects: Effect[],
  again: boolean,
  ctx: MachineCtx,
): Transition {
  const { tuning, now } = ctx;
  const polling: MachineCtx = { ...ctx, run: { ...ctx.run, phase: 'polling', onUnknown: 'fail' } };
  if (outcome === 'unknown') {
    if (isJobActive(job)) return withEffects(effects, lookupNow(job, polling));
    const next = change(job, { note: jobMsg('job.no-record') }, now);
    return {
      job: next,
      run: idleRun(tuning),
      effects: [...effects, { type: 'save' }, { type: 'end' }],
    };
  }
  let current = job;
  if (!isJobActive(job)) {
    // Still in progress on the service (e.g. cancelled here, or failed on a lost connection).
    current = change(
      job,
      {
        status: 'running',
        error: undefined,
        note: undefined,
        finishedAt: undefined,
        lastNewsAt: now,
      },
      now,
    );
    effects = [...effects, { type: 'save' }];
  }
  return pollLater(current, polling, again ? 0 : tuning.pollIntervalMs, effects);
}

/** True when `checkAgain` applies: the job was sent and has no result yet. */
export function canCheck(job: Job | undefined): boolean {
  return !!job && job.status !== 'done' && job.status !== 'queued';
}

export function checkAgain(job: Job, ctx0: MachineCtx): Transition {
  const ctx = { ...ctx0, run: { ...ctx0.run, asked: true } };
  const { run } = ctx;
  if (!canCheck(job) || !ctx.kind.tasks) return { job, run: ctx0.run, effects: [] };
  if (run.lookingUp) return { job, run: { ...run, again: true }, effects: [] };
  if (run.phase === 'idle') {
    const checking = { ...idleRun(ctx.tuning), phase: 'checking' as const, asked: true };
    return lookupNow(job, { ...ctx, run: checking });
  }
  const step = lookupNow(job, ctx);
  return { ...step, effects: [{ type: 'clearTimer', timer: 'poll' }, ...step.effects] };
}

/**
 * A lookup the person asked for has answered: the job says what it found and when ("Still no
 * news from the service at 22:31"), so the button visibly did something. Not saved: it is news
 * about this moment. A job that ended meanwhile says so itself (its result or error).
 */
export function reportCheck(
  before: Job,
  out: Transition,
  event: Extract<JobEvent, { type: 'polled' | 'pollFailed' }>,
  ctx: MachineCtx,
): Transition {
  if (!ctx.run.asked || ctx.run.again) return out;
  const run = { ...out.run, asked: false };
  const job = out.job;
  if (!job || !isJobActive(job)) return { ...out, run };
  const checked: Job['checked'] =
    event.type === 'pollFailed'
      ? { at: ctx.now, found: 'unreachable', message: event.error.reason ?? event.error.message }
      : {
          at: ctx.now,
          found: !event.task
            ? 'unknown'
            : job.progress !== before.progress
              ? 'progress'
              : 'nothing',
        };
  return { ...out, job: { ...job, checked }, run };
}
