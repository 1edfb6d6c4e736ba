/**
 * The vocabulary of the job state machine: what can happen to a job (events), what the runner is
 * asked to do about it (effects, as data), and the little the machine remembers about the
 * current execution (`Run`). No behaviour here; see `machine.ts`.
 */
import type { TaskKey, Delivery } from '../../api/client-config';
import type { ApiErrorDetails, ApiErrorKind } from '../../api/errors';
import type { Msg } from '../../api/message';
import { jobMsg } from '../job-codes';
import type { Task } from '../../api/contract';
import type { Job, JobBatch, JobParent, JobTarget, StoredJob } from '../job';
import type { JobKind, KindResponse, SendSettings } from '../kind';

/** Shown when the service answers "unknown task" for a task id it gave us. */
export const UNKNOWN_TASK_MESSAGE: Msg = jobMsg('job.unknown-task');
/** Shown when no task carries our trace id: the submission most likely never arrived. */
export const NEVER_ARRIVED_MESSAGE: Msg = jobMsg('job.never-arrived');
/** Shown when a job of a kind without task records lost its answer (nothing to look up). */
export const NO_LOOKUP_MESSAGE: Msg = jobMsg('job.no-lookup');
/** Note on a job cancelled after it was sent. */
export const CANCELLED_AFTER_SEND_NOTE: Msg = jobMsg('job.cancelled-after-send');
/** Note on a job cancelled while it waited for a slot. */
export const CANCELLED_BEFORE_SEND_NOTE: Msg = jobMsg('job.cancelled-before-send');

/** How many "no task with this trace id" answers before giving up on a job without a task id. */
export const UNKNOWN_TRACE_LIMIT = 3;

/**
 * The service's own timeout for a task (the request's `timeout`, 480 s unless it says otherwise,
 * reference §2): until it has passed the service may still answer, so no job is called stalled
 * sooner, whatever "Stalled after" says.
 */
export const SERVICE_TIMEOUT_MS = 480_000;

/** A failed call, as plain data: an `ApiError`'s fields (an `ApiError` fits). */
export interface CallError extends Pick<
  ApiErrorDetails,
  'reason' | 'status' | 'code' | 'traceId' | 'taskId' | 'retryAfterMs'
> {
  kind: ApiErrorKind;
  /** The provider's words, or the studio's English (for logs) when `reason` is set. */
  message: string;
}

/** The timers of an execution: lookups, the silence watchdog, the resend after a 429. */
export type TimerName = 'poll' | 'silence' | 'resend';

/** Everything that can happen to a job. Times come from `ctx.now`, never from the event. */
export type JobEvent =
  /** A person asked for a new job (ids made by the caller, so the machine stays pure). */
  | {
      type: 'submitted';
      id: string;
      traceId: string;
      kind: string;
      request: Record<string, unknown>;
      delivery?: Delivery;
      parent?: JobParent;
      batch?: JobBatch;
    }
  /** A slot and the job's lock are free: send it. */
  | { type: 'slot' }
  /** The call was taken; the service gave a task id and will say no more on this connection. */
  | { type: 'accepted'; taskId: string }
  /** An intermediate stream line. */
  | { type: 'line'; response: KindResponse }
  /** The call's final answer. */
  | { type: 'done'; response: KindResponse }
  /** The call threw. */
  | { type: 'failed'; error: CallError }
  /** The call ended without a final answer (e.g. only `accepted`). */
  | { type: 'dropped' }
  /** A timer the machine set went off. */
  | { type: 'tick'; timer: TimerName }
  /** A tasks lookup came back: the task, `null` (unknown), or an error. */
  | { type: 'polled'; task: Task | null }
  | { type: 'pollFailed'; error: CallError }
  /** The person cancelled. */
  | { type: 'cancel' }
  /** The person retried (a fresh trace id made by the caller). */
  | { type: 'retry'; traceId: string }
  /** The person asked to check the service now. */
  | { type: 'checkAgain' }
  /** This tab took over a job from disk (after a reload, or from a closed tab). */
  | { type: 'adopted'; stored: StoredJob }
  /** The browser is back online: a job held back for the network may be sent now. */
  | { type: 'online' };

/** What the runner is asked to do. */
export type Effect =
  /** Write the job (after any earlier write of it). */
  | { type: 'save' }
  /** Once the last save is on disk, send `body` to the kind's endpoint. */
  | { type: 'send'; body: KindResponse; delivery: Delivery }
  /** Start (or restart) a timer; it comes back as a `tick`. */
  | { type: 'timer'; timer: TimerName; afterMs: number }
  | { type: 'clearTimer'; timer: TimerName }
  /** Ask the tasks endpoint of the job's target; comes back as `polled` / `pollFailed`. */
  | { type: 'lookup'; key: TaskKey }
  /** Fetch final images into the local cache. */
  | { type: 'cache'; urls: string[] }
  /** Tell other tabs (and the timeline) about a progress tick that is not saved. */
  | { type: 'notify'; previewUrl?: string }
  /** Put the job in the send queue / take it out. */
  | { type: 'enqueue' }
  | { type: 'dequeue' }
  /** This execution is over: stop its timers and calls, free its slot (and lock when final). */
  | { type: 'end' };

/** What the machine remembers about the current execution of a job in this tab. */
export interface Run {
  /** `waiting`: the service answered 429 to the submission; it is sent again after a wait. */
  phase: 'idle' | 'sending' | 'polling' | 'checking' | 'waiting';
  /** While polling, what "no task with this trace id" means: not arrived (fail) or never sent. */
  onUnknown: 'fail' | 'submit';
  /** "No task with this trace id" answers so far. */
  unknown: number;
  /** The next wait after a failed lookup. */
  backoffMs: number;
  /** A lookup is in flight; no second one is started. */
  lookingUp: boolean;
  /** `checkAgain` came during a lookup: look again as soon as it returns. */
  again: boolean;
  /** The person asked for the lookup in flight ("Check again"): report what it finds. */
  asked?: boolean;
  /** When the current call was sent. */
  sentAt?: number;
  /** 429s the service answered to this job's submission so far (this tab, this attempt). */
  rateLimited?: number;
}

/** Intervals, read afresh on every event so Settings apply to running jobs. */
export interface Tuning {
  stallAfterMs: number;
  /** No job is called stalled before this long after it was sent (see `SERVICE_TIMEOUT_MS`). */
  serviceTimeoutMs: number;
  pollIntervalMs: number;
  stalledPollMs: number;
  maxBackoffMs: number;
}

/** Everything else a transition depends on. */
export interface MachineCtx {
  now: number;
  kind: JobKind;
  run: Run;
  tuning: Tuning;
  settings: SendSettings;
  /** The target a send goes to now (recorded on the job). */
  target?: JobTarget;
  /** False while the browser is offline: nothing is sent then (absent = online). */
  online?: boolean;
}

/** The outcome of a transition. `job` is undefined only when there was none and still is none. */
export interface Transition {
  job: Job | undefined;
  run: Run;
  effects: Effect[];
}

/** The run of a job no execution is working on. */
export function idleRun(tuning: Pick<Tuning, 'pollIntervalMs'>): Run {
  return {
    phase: 'idle',
    onUnknown: 'fail',
    unknown: 0,
    backoffMs: tuning.pollIntervalMs,
    lookingUp: false,
    again: false,
  };
}
