/**
 * The job lifecycle as a pure function: `transition(job, event, ctx) → { job, run, effects }`.
 * No timers, sockets or clocks: time is `ctx.now`, ids come in events, and whatever has to
 * happen in the world is returned as effects for the runner to carry out. Kind-specific
 * decisions (request body, progress, result) are asked of `ctx.kind`.
 *
 * Read top to bottom: `transition`, then its handlers in the order a job meets them (submitted →
 * slot and send → news → failure or a dropped stream → ticks → cancel → retry → adoption). The
 * folder imports only downward: `types` ← `steps` ← `limits`, `lookup` ← `machine`.
 *
 * The rules that cost money are kept here: nothing that may have been taken is ever sent twice
 * on its own (a 5xx at submit fails; only `retry` resends; a 429, which the service takes nothing
 * for, is sent again after the wait it asks for, see `limits.ts`), and a job that may
 * have been sent is looked up, never resent.
 */
import { costOf } from '../../prompt/cost';
import { cleanRequest, isJobActive, type Job, type StoredJob } from '../job';
import { checkAgain, onLookupFailed, onLookupResult, lookupNow, reportCheck } from './lookup';
import {
  isModerationRefusal,
  isRateLimited,
  rateLimited,
  waitForResend,
  waitingHere,
} from './limits';
import {
  CANCELLED_AFTER_SEND_NOTE,
  CANCELLED_BEFORE_SEND_NOTE,
  NO_LOOKUP_MESSAGE,
  idleRun,
  type CallError,
  type Effect,
  type JobEvent,
  type MachineCtx,
  type TimerName,
  type Transition,
} from './types';
import {
  change,
  errorOf,
  fail,
  lost,
  news,
  nextWatchMs,
  quietFor,
  settle,
  stallIfQuiet,
  supportedDelivery,
} from './steps';
import { droppedNote, rebuildRequest } from '../rebuild-request';

/** True when `cancel` applies (the runner also checks this tab owns the job). */
export function canCancel(job: Job | undefined): boolean {
  return !!job && isJobActive(job);
}

/**
 * True when `retry` applies: the job ended without a result, or is stalled, or waits to be sent
 * again after a 429 (then it is sent now). Never for a moderation refusal: the same prompt would
 * only be refused again, so the prompt has to change first (a new job).
 */
export function canRetry(job: Job | undefined): boolean {
  if (!job) return false;
  if (isRateLimited(job)) return true;
  if (job.status === 'failed' && isModerationRefusal(job.error)) return false;
  return job.status === 'failed' || job.status === 'cancelled' || job.status === 'stalled';
}

/** The next state of a job and what to do about it. */
export function transition(job: Job | undefined, event: JobEvent, ctx: MachineCtx): Transition {
  const same: Transition = { job, run: ctx.run, effects: [] };
  if (event.type === 'submitted') return submitted(event, ctx);
  if (event.type === 'adopted') return adopted(job, event.stored, ctx);
  if (!job) return same;
  const { run, now } = ctx;
  const sending = run.phase === 'sending' && isJobActive(job);

  switch (event.type) {
    case 'slot':
      if (job.status !== 'queued') return same;
      if (ctx.online === false) return waitForNetwork(job, ctx);
      return job.retryAt !== undefined && job.retryAt > now
        ? waitForResend(job, ctx)
        : send(job, ctx);
    case 'online':
      return job.status === 'queued' && job.waitingFor ? backOnline(job, ctx) : same;
    case 'accepted': {
      if (!sending) return same;
      const next = change(job, { taskId: job.taskId ?? event.taskId, lastNewsAt: now }, now);
      return { job: next, run, effects: next.taskId !== job.taskId ? [{ type: 'save' }] : [] };
    }
    case 'line': {
      if (!sending) return same;
      const taskId = job.taskId ?? stringOf(event.response.task_id);
      const withTask = taskId === job.taskId ? job : change(job, { taskId }, now);
      const step = news(withTask, event.response, ctx);
      const save = withTask !== job && !step.effects.some((e) => e.type === 'save');
      return { ...step, effects: save ? [{ type: 'save' }, ...step.effects] : step.effects };
    }
    case 'done':
      return sending ? settle(job, event.response, ctx) : same;
    case 'failed':
      return sending ? callFailed(job, event.error, ctx) : same;
    case 'dropped':
      return sending ? startPolling(job, ctx, ctx.tuning.pollIntervalMs) : same;
    case 'tick':
      return tick(job, event.timer, ctx);
    case 'polled':
      return run.lookingUp
        ? reportCheck(job, onLookupResult(job, event.task, ctx), event, ctx)
        : same;
    case 'pollFailed':
      return run.lookingUp
        ? reportCheck(job, onLookupFailed(job, event.error, ctx), event, ctx)
        : same;
    case 'cancel':
      return cancel(job, ctx);
    case 'retry':
      if (isRateLimited(job)) return sendNow(job, ctx);
      return canRetry(job) ? retry(job, event.traceId, ctx) : same;
    case 'checkAgain':
      return checkAgain(job, ctx);
  }
}

function submitted(event: Extract<JobEvent, { type: 'submitted' }>, ctx: MachineCtx): Transition {
  const { kind, settings, now } = ctx;
  const request = { ...kind.defaults(settings), ...cleanRequest(event.request) };
  // What it will cost, kept on the record: History totals it, and an export carries it.
  const cost = costOf({ kind: kind.name, ...request })?.units;
  const job: Job = {
    id: event.id,
    kind: kind.name,
    traceId: event.traceId,
    request,
    delivery: supportedDelivery(kind, event.delivery ?? settings.delivery),
    ...(event.parent ? { parent: event.parent } : {}),
    ...(event.batch ? { batch: event.batch } : {}),
    ...(cost === undefined ? {} : { cost }),
    status: 'queued',
    progress: 0,
    ...(ctx.online === false ? { waitingFor: 'network' as const } : {}),
    createdAt: now,
    updatedAt: now,
    attempts: 1,
  };
  return { job, run: idleRun(ctx.tuning), effects: [{ type: 'save' }, { type: 'enqueue' }] };
}

/** `running` is saved before the call leaves: after a reload it is looked up, never resent. */
function send(job: Job, ctx: MachineCtx): Transition {
  const { kind, now, settings } = ctx;
  const body = kind.toBody(job.request, job.traceId, { ...settings, delivery: job.delivery });
  // One place for every kind that takes a callback: Settings' URL, with async delivery only.
  if (
    job.delivery === 'async' &&
    settings.callbackUrl &&
    kind.transportFields.includes('callback_url')
  )
    body.callback_url = settings.callbackUrl;
  const next = change(
    job,
    {
      status: 'running',
      startedAt: now,
      lastNewsAt: now,
      progress: 0,
      target: ctx.target,
      waitingFor: undefined,
      retryAt: undefined,
      error: undefined,
    },
    now,
  );
  const { rateLimited: limited } = ctx.run;
  return {
    job: next,
    run: {
      ...idleRun(ctx.tuning),
      phase: 'sending',
      sentAt: now,
      ...(limited ? { rateLimited: limited } : {}),
    },
    effects: [
      { type: 'save' },
      { type: 'send', body, delivery: job.delivery },
      { type: 'timer', timer: 'silence', afterMs: ctx.tuning.stallAfterMs },
    ],
  };
}

/**
 * Offline, a send could only fail (or hang at 0 %): the job stays queued, says it waits for the
 * network, and gives up its slot; `online` puts it back in the queue, to be sent once.
 */
function waitForNetwork(job: Job, ctx: MachineCtx): Transition {
  const next = job.waitingFor ? job : change(job, { waitingFor: 'network' }, ctx.now);
  const effects: Effect[] = next === job ? [{ type: 'end' }] : [{ type: 'save' }, { type: 'end' }];
  return { job: next, run: idleRun(ctx.tuning), effects };
}

/**
 * "Retry now" on a job waiting after a 429: sent at once from its waiting execution, else (no
 * execution here yet) queued without the wait.
 */
function sendNow(job: Job, ctx: MachineCtx): Transition {
  if (!waitingHere(job, ctx)) {
    const next = change(job, { retryAt: undefined }, ctx.now);
    return { job: next, run: ctx.run, effects: [{ type: 'save' }, { type: 'enqueue' }] };
  }
  if (ctx.online === false) return waitForNetwork(job, ctx);
  const step = send(job, ctx);
  return { ...step, effects: [{ type: 'clearTimer', timer: 'resend' }, ...step.effects] };
}

function backOnline(job: Job, ctx: MachineCtx): Transition {
  const next = change(job, { waitingFor: undefined }, ctx.now);
  return { job: next, run: ctx.run, effects: [{ type: 'save' }, { type: 'enqueue' }] };
}

function callFailed(job: Job, error: CallError, ctx: MachineCtx): Transition {
  const withTask =
    error.taskId && !job.taskId ? change(job, { taskId: error.taskId }, ctx.now) : job;
  // The service took nothing: sent again after the wait it asks for.
  if (error.kind === 'http' && error.status === 429) return rateLimited(withTask, error, ctx);
  // The provider's words kept; 5xx and other refusals are not resent on their own (a 5xx could
  // spend twice, a 403 moderation refusal would only be refused again).
  if (error.kind === 'task' || error.kind === 'http')
    return fail(withTask, errorOf(error, withTask), ctx);
  // Dropped, cut short or malformed: the task may well be alive; ask the tasks endpoint.
  if (!ctx.kind.tasks) return fail(withTask, errorOf(error, withTask), ctx);
  const sinceSent = ctx.now - (ctx.run.sentAt ?? ctx.now);
  const step = startPolling(
    withTask,
    ctx,
    sinceSent >= ctx.tuning.pollIntervalMs ? 0 : ctx.tuning.pollIntervalMs,
  );
  return withTask === job ? step : { ...step, effects: [{ type: 'save' }, ...step.effects] };
}

/** The call is over without an answer: follow the task through lookups. */
function startPolling(job: Job, ctx: MachineCtx, afterMs: number): Transition {
  if (!ctx.kind.tasks) return fail(job, lost(NO_LOOKUP_MESSAGE, job), ctx);
  const run = { ...ctx.run, phase: 'polling' as const, onUnknown: 'fail' as const };
  const effects: Effect[] = [{ type: 'clearTimer', timer: 'silence' }];
  // A watchdog lookup still in flight will schedule the next one when it returns.
  if (!run.lookingUp) effects.push({ type: 'timer', timer: 'poll', afterMs });
  return { job, run, effects };
}

function tick(job: Job, timer: TimerName, ctx: MachineCtx): Transition {
  const { run, tuning, now } = ctx;
  const same: Transition = { job, run, effects: [] };
  if (!isJobActive(job) || run.lookingUp) return same;
  if (timer === 'resend') {
    if (!waitingHere(job, ctx)) return same;
    return ctx.online === false ? waitForNetwork(job, ctx) : send(job, ctx);
  }
  if (timer === 'poll') {
    return run.phase === 'polling' || run.phase === 'checking' ? lookupNow(job, ctx) : same;
  }
  if (run.phase !== 'sending') return same;
  const quiet = quietFor(job, now);
  if (job.status !== 'stalled' && quiet < tuning.stallAfterMs) {
    return {
      job,
      run,
      effects: [{ type: 'timer', timer: 'silence', afterMs: tuning.stallAfterMs - quiet }],
    };
  }
  if (!ctx.kind.tasks) {
    // Nothing to ask: stalled once the silence and the service's own timeout are both over.
    const stalled = stallIfQuiet(job, ctx);
    return {
      job: stalled.job,
      run,
      effects: [
        ...(stalled.saved ? [{ type: 'save' } as const] : []),
        { type: 'timer', timer: 'silence', afterMs: nextWatchMs(stalled.job, ctx) },
      ],
    };
  }
  // Quiet for too long: ask the tasks endpoint before showing `stalled`.
  return lookupNow(job, ctx);
}

function cancel(job: Job, ctx: MachineCtx): Transition {
  if (!isJobActive(job)) return { job, run: ctx.run, effects: [] };
  const sent = job.status !== 'queued';
  const next = change(
    job,
    {
      status: 'cancelled',
      preview: undefined,
      finishedAt: ctx.now,
      note: sent ? CANCELLED_AFTER_SEND_NOTE : CANCELLED_BEFORE_SEND_NOTE,
    },
    ctx.now,
  );
  return {
    job: next,
    run: idleRun(ctx.tuning),
    effects: [{ type: 'save' }, { type: 'dequeue' }, { type: 'end' }],
  };
}

/**
 * Sends again, as a new attempt: fresh trace id, the current Settings (delivery, mode, callback),
 * and a request rebuilt from the stored one, so nothing a stored or imported record carries can
 * redirect results or change how credits are spent. This may spend credits again; it is only
 * ever the person's call.
 */
function retry(job: Job, traceId: string, ctx: MachineCtx): Transition {
  const { kind, settings, now } = ctx;
  const rebuilt = rebuildRequest(kind, job.request);
  const next = change(
    job,
    {
      traceId,
      attempts: job.attempts + 1,
      request: { ...kind.defaults(settings), ...rebuilt.request },
      delivery: supportedDelivery(kind, settings.delivery),
      status: 'queued',
      progress: 0,
      taskId: undefined,
      target: undefined,
      result: undefined,
      error: undefined,
      note: droppedNote(rebuilt.dropped),
      preview: undefined,
      checked: undefined,
      startedAt: undefined,
      finishedAt: undefined,
      lastNewsAt: undefined,
    },
    now,
  );
  // `end` first: the old execution must be gone before the queue picks the job up again.
  return {
    job: next,
    run: idleRun(ctx.tuning),
    effects: [{ type: 'end' }, { type: 'save' }, { type: 'enqueue' }],
  };
}

/** Picks up a job from disk: looks it up first (cheap) rather than risk paying twice. */
function adopted(current: Job | undefined, stored: StoredJob, ctx: MachineCtx): Transition {
  const job: Job = {
    ...stored,
    ...(current?.preview ? { preview: current.preview } : {}),
    // A fresh stall window: the last news on disk may be long gone with the old tab.
    lastNewsAt: ctx.now,
  };
  const neverSent = job.status === 'queued' && !job.taskId;
  if (!isJobActive(job)) return { job, run: ctx.run, effects: [] };
  if (!ctx.kind.tasks) {
    if (neverSent) {
      return { job, run: idleRun(ctx.tuning), effects: [{ type: 'end' }, { type: 'enqueue' }] };
    }
    return fail(job, lost(NO_LOOKUP_MESSAGE, job), ctx);
  }
  const run = {
    ...idleRun(ctx.tuning),
    phase: 'polling' as const,
    onUnknown: neverSent ? ('submit' as const) : ('fail' as const),
  };
  return lookupNow(job, { ...ctx, run });
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}
