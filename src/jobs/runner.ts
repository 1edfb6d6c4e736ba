/**
 * The job runner: sends jobs, follows them to the end and recovers them. Lives outside React;
 * the only way job state changes (it writes the jobs store and persistence).
 *
 * One job's life: `submit` stores it as `queued` (persisted before anything is sent, so a reload
 * can find it by `trace_id`) → a free slot sends it (stream, wait or async) → stream lines update
 * progress and preview → `done` / `failed`. When the connection drops or a line is malformed it
 * switches to polling the tasks endpoint (by task id, else by trace id); with no news for a while
 * it reconciles through tasks before showing `stalled`. Nothing is ever sent twice on its own:
 * only `retry` (a person's choice) resubmits.
 */
import { imagine, newTraceId, retrieveTask, type ClientConfig, type Delivery } from '../api/client';
import {
  isTaskFinished,
  type ImagineRequest,
  type ImagineResponse,
  type Mode,
} from '../api/contract';
import { ApiError, isApiError } from '../api/errors';
import {
  cleanRequest,
  isJobActive,
  previewFromResponse,
  resultFromResponse,
  type Job,
  type JobError,
  type JobParent,
} from './job';
import type { Persistence, RemoteChange } from './persistence';
import { createJobsActions, jobsStore, type JobsStore } from './store';

/** Shown when the service answers "unknown task" for a task id it gave us. */
export const UNKNOWN_TASK_MESSAGE =
  'The service no longer knows this task (it may have restarted). Retry to generate again.';
/** Shown when no task carries our trace id: the submission most likely never arrived. */
export const NEVER_ARRIVED_MESSAGE =
  'The service has no record of this request; it probably never arrived. Retry to send it again.';
/** Note on a job cancelled after it was sent. */
export const CANCELLED_AFTER_SEND_NOTE =
  'Cancelled here. The service may still finish this task (and charge for it); use Check again to fetch the result.';
/** Note on a job cancelled while it waited for a slot. */
export const CANCELLED_BEFORE_SEND_NOTE = 'Cancelled before it was sent; nothing was charged.';

/** What the runner needs to know at send time (read on every send, so settings apply at once). */
export interface RunnerConfig {
  client: ClientConfig;
  delivery: Delivery;
  mode: Mode;
  /** Sent as `callback_url` with async delivery. */
  callbackUrl?: string;
  /** No news for this long → reconcile, then `stalled` (overrides the runner's default). */
  stallAfterMs?: number;
}

/** The slice of the Web Locks API the runner uses (`navigator.locks`). */
export interface JobLocks {
  request(
    name: string,
    options: { ifAvailable?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => Promise<void> | void,
  ): Promise<unknown>;
}

/** Dependencies and tuning of a runner. */
export interface RunnerDeps {
  getConfig(): RunnerConfig;
  /** Jobs sent or followed at once; the rest wait as `queued`. Default 3. */
  maxInFlight?: number;
  /** No news for this long → reconcile, then `stalled`. Default 60 000. */
  stallAfterMs?: number;
  /** Gap between polls of one job (≤ 1 request/s by default). Default 1000. */
  pollIntervalMs?: number;
  /** Gap between polls of a stalled job. Default 10 000. */
  stalledPollIntervalMs?: number;
  /** Longest wait between polls after errors. Default 10 000. */
  maxBackoffMs?: number;
  now?: () => number;
  /** Waits `ms`, resolving early when `signal` fires. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** History storage; without it jobs live in memory only. Must write to the same `store`. */
  persistence?: Persistence;
  /** Default: the app's `jobsStore`. */
  store?: JobsStore;
  /** Default: `navigator.locks` when present; `null` = no cross-tab locking (best effort). */
  locks?: JobLocks | null;
}

/** Options of `submit`. */
export interface SubmitOptions {
  /** The image and action this job derives from (lineage). */
  parent?: JobParent;
  /** Overrides the configured delivery for this job. */
  delivery?: Delivery;
}

/** The runner's commands. Job state is read from the store, never from here. */
export interface Runner {
  /** Queues a job and returns its local id at once. */
  submit(request: ImagineRequest, opts?: SubmitOptions): string;
  /** Stops following a job and marks it `cancelled`. False when not cancellable here. */
  cancel(id: string): boolean;
  /**
   * Sends a failed, cancelled or stalled job again (fresh trace id, `attempts + 1`, current
   * delivery setting). This may spend credits again; it is only ever the person's call.
   */
  retry(id: string): boolean;
  /** Asks the tasks endpoint about a job now (stalled, failed, cancelled or running). */
  checkAgain(id: string): boolean;
  /** Stops and deletes jobs (and their cached images). */
  remove(ids: string[]): Promise<void>;
  /**
   * Loads the history into the store and picks up every unfinished job no other tab is running:
   * polls it (never resubmits one that may have been sent); a job that was still queued and that
   * the service does not know is sent.
   */
  resumeAll(): Promise<void>;
  /** Stops all work without changing any job (they resume on the next `resumeAll`). */
  dispose(): void;
}

type StopReason = 'cancel' | 'retry' | 'dispose' | 'remove';

/** One job being worked on in this tab. */
interface Active {
  id: string;
  /** Aborts everything this execution does. */
  ctl: AbortController;
  stop?: StopReason;
  /** Aborts only the imagine request (to switch to polling, or when settled via tasks). */
  sendCtl?: AbortController;
  /** Set by `checkAgain`: skip the current wait. */
  forced: boolean;
  wakers: Set<AbortController>;
}

type Outcome = 'finished' | 'failed' | 'news' | 'same' | 'unknown';

/** How many "no task with this trace id" answers before giving up on a job without a task id. */
const UNKNOWN_TRACE_LIMIT = 3;

function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** A controller that also aborts when `parent` does; `release` detaches it. */
function childController(parent: AbortSignal): { ctl: AbortController; release: () => void } {
  const ctl = new AbortController();
  const onAbort = () => ctl.abort(parent.reason);
  if (parent.aborted) ctl.abort(parent.reason);
  else parent.addEventListener('abort', onAbort, { once: true });
  return { ctl, release: () => parent.removeEventListener('abort', onAbort) };
}

function asApiError(err: unknown): ApiError {
  if (isApiError(err)) return err;
  return new ApiError('network', err instanceof Error ? err.message : String(err), { cause: err });
}

function lockName(id: string): string {
  return `imagine-studio-job:${id}`;
}

function defaultLocks(): JobLocks | null {
  const nav = (globalThis as { navigator?: { locks?: unknown } }).navigator;
  return nav?.locks ? (nav.locks as JobLocks) : null;
}

/** Creates a runner. One per tab; tests make one per simulated tab. */
export function createRunner(deps: RunnerDeps): Runner {
  const store = deps.store ?? jobsStore;
  const actions = createJobsActions(store);
  const persistence = deps.persistence;
  const maxInFlight = Math.max(1, deps.maxInFlight ?? 3);
  // Read on every check, so a change in Settings applies to jobs already running.
  const stallAfter = (): number => deps.getConfig().stallAfterMs ?? deps.stallAfterMs ?? 60_000;
  const pollIntervalMs = deps.pollIntervalMs ?? 1000;
  const stalledPollMs = Math.max(pollIntervalMs, deps.stalledPollIntervalMs ?? 10_000);
  const maxBackoffMs = Math.max(pollIntervalMs, deps.maxBackoffMs ?? 10_000);
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? defaultSleep;
  const locks = deps.locks === undefined ? defaultLocks() : deps.locks;

  const queue: string[] = [];
  const active = new Map<string, Active>();
  /** Jobs this tab is responsible for, with the release of their Web Lock. */
  const held = new Map<string, () => void>();
  /** Lock requests waiting for another tab's job to be orphaned. */
  const watching = new Map<string, AbortController>();
  const saving = new Map<string, Promise<void>>();
  let disposed = false;
  let lastCreatedAt = 0;

  persistence?.setLocalOwner((id) => held.has(id));
  const unsubscribe = persistence?.onRemoteChange(onRemoteChange);

  const get = (id: string): Job | undefined => store.getState().byId[id];

  // ---- state changes ------------------------------------------------------------------------

  /**
   * Saves the job's current state after any earlier save of it, so the last state always wins.
   * A failed save leaves the job in memory; persistence has told the person why.
   */
  function persist(id: string): Promise<void> {
    if (!persistence) return Promise.resolve();
    const previous = saving.get(id) ?? Promise.resolve();
    const next = previous
      .then(async () => {
        const job = get(id);
        // A disposed runner is a closed tab: its stale copy must not overwrite a newer one.
        if (job && !disposed) await persistence.saveJob(job);
      })
      .catch(() => {});
    saving.set(id, next);
    void next.then(() => {
      if (saving.get(id) === next) saving.delete(id);
    });
    return next;
  }

  function persisted(id: string): Promise<void> {
    return saving.get(id) ?? Promise.resolve();
  }

  function update(id: string, patch: Partial<Job>, save: boolean): Job | undefined {
    const next = actions.patch(id, { ...patch, updatedAt: now() });
    if (next && save) void persist(id);
    return next;
  }

  function setTaskId(id: string, taskId: string | undefined): void {
    const job = get(id);
    if (job && taskId && job.taskId !== taskId) update(id, { taskId }, true);
  }

  /** Something new was heard: progress, preview; a stalled job is running again. */
  function news(id: string, response: ImagineResponse | undefined): void {
    const job = get(id);
    if (!job) return;
    const p = response?.progress;
    const progress = typeof p === 'number' ? Math.min(100, Math.max(0, p)) : job.progress;
    const preview = response ? previewFromResponse(response) : undefined;
    // A timeline mark per preview, so `npm run bench` can time line arrival → picture on screen.
    if (preview) globalThis.performance?.mark?.('imagine:line', { detail: preview.url });
    const unstall = job.status === 'stalled';
    const next = update(
      id,
      {
        progress,
        lastNewsAt: now(),
        ...(preview ? { preview } : {}),
        ...(unstall ? { status: 'running' as const } : {}),
      },
      unstall,
    );
    if (next) persistence?.broadcastProgress(next);
  }

  function settleDone(id: string, response: ImagineResponse): void {
    const job = get(id);
    if (!job || job.status === 'done') return;
    const t = now();
    update(
      id,
      {
        status: 'done',
        progress: 100,
        result: resultFromResponse(response),
        taskId: job.taskId ?? response.task_id,
        preview: undefined,
        error: undefined,
        note: undefined,
        finishedAt: t,
        lastNewsAt: t,
      },
      true,
    );
    const url = response.raw_image_url ?? response.image_url;
    if (url && persistence) void persistence.cacheImage(url);
  }

  function fail(id: string, error: JobError): void {
    const job = get(id);
    if (!job || job.status === 'done') return;
    update(id, { status: 'failed', error, preview: undefined, finishedAt: now() }, true);
  }

  function errorOf(err: ApiError, job: Job | undefined): JobError {
    return {
      kind: err.kind,
      message: err.message,
      ...(err.code ? { code: err.code } : {}),
      ...(err.status === undefined ? {} : { status: err.status }),
      ...(err.traceId || job?.traceId ? { traceId: err.traceId ?? job?.traceId } : {}),
    };
  }

  function lost(message: string, job: Job | undefined): JobError {
    return { kind: 'lost', message, ...(job ? { traceId: job.traceId } : {}) };
  }

  function markStalledIfQuiet(id: string): void {
    const job = get(id);
    if (!job || job.status !== 'running') return;
    if (now() - (job.lastNewsAt ?? job.startedAt ?? job.createdAt) >= stallAfter()) {
      update(id, { status: 'stalled' }, true);
    }
  }

  // ---- locks (which tab runs which job) -------------------------------------------------------

  /** Takes responsibility for a job; false when another tab holds it. */
  function claim(id: string): Promise<boolean> {
    if (held.has(id)) return Promise.resolve(true);
    if (!locks) {
      held.set(id, () => {});
      return Promise.resolve(true);
    }
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    // Marked before the grant so this tab ignores other tabs' echoes of a job it just started.
    held.set(id, release);
    return new Promise((resolve) => {
      locks
        .request(lockName(id), { ifAvailable: true }, (lock) => {
          if (!lock) {
            if (held.get(id) === release) held.delete(id);
            resolve(false);
            return;
          }
          resolve(true);
          return released;
        })
        .catch(() => resolve(true)); // A broken lock manager: run it anyway (best effort).
    });
  }

  function unclaim(id: string): void {
    held.get(id)?.();
    held.delete(id);
  }

  /** Waits for another tab's job to be orphaned (its tab closed) and then adopts it. */
  function watchOrphan(id: string): void {
    if (!locks || !persistence || disposed || watching.has(id) || held.has(id)) return;
    const ctl = new AbortController();
    watching.set(id, ctl);
    locks
      .request(lockName(id), { signal: ctl.signal }, async () => {
        watching.delete(id);
        if (disposed) return;
        const fresh = await persistence.getJob(id);
        // Finished normally in its own tab: nothing to adopt.
        if (!fresh || !isJobActive(fresh) || held.has(id)) return;
        await new Promise<void>((release) => {
          held.set(id, release);
          adoptClaimed(fresh);
        });
      })
      .catch(() => watching.delete(id)); // Aborted on dispose, or no lock manager after all.
  }

  function onRemoteChange(change: RemoteChange): void {
    if (!change.job) {
      watching.get(change.id)?.abort();
      watching.delete(change.id);
      return;
    }
    if (isJobActive(change.job) && !held.has(change.id)) watchOrphan(change.id);
  }

  // ---- executions ---------------------------------------------------------------------------

  function takeForced(act: Active): boolean {
    const forced = act.forced;
    act.forced = false;
    return forced;
  }

  /** Waits `ms` unless stopped or woken by `checkAgain`. */
  async function nap(act: Active, ms: number, signal: AbortSignal = act.ctl.signal): Promise<void> {
    if (act.forced || ms <= 0 || signal.aborted) return;
    const { ctl, release } = childController(signal);
    act.wakers.add(ctl);
    try {
      await sleep(ms, ctl.signal);
    } finally {
      act.wakers.delete(ctl);
      release();
    }
  }

  function start(id: string, how: 'send' | 'recover' | 'check'): void {
    const act: Active = { id, ctl: new AbortController(), forced: false, wakers: new Set() };
    active.set(id, act);
    const run = how === 'send' ? send(act) : how === 'recover' ? recover(act) : check(act);
    void run
      .catch((err: unknown) => {
        // A bug must not leave a job spinning forever: show it on the job.
        if (!act.stop) fail(id, errorOf(asApiError(err), get(id)));
      })
      .finally(() => {
        if (active.get(id) === act) active.delete(id);
        const job = get(id);
        if (!disposed && (!job || !isJobActive(job))) unclaim(id);
        pump();
      });
  }

  function pump(): void {
    while (!disposed && queue.length > 0 && active.size < maxInFlight) {
      const id = queue.shift()!;
      const job = get(id);
      if (job?.status === 'queued' && !active.has(id)) start(id, 'send');
    }
  }

  /** Looks the job up once and applies what the service knows. Throws `ApiError`. */
  async function reconcile(id: string, signal: AbortSignal): Promise<Outcome> {
    const job = get(id);
    if (!job) return 'unknown';
    const key = job.taskId ? { id: job.taskId } : { trace_id: job.traceId };
    const task = await retrieveTask(deps.getConfig().client, key, signal);
    if (signal.aborted) throw new ApiError('aborted', 'The request was cancelled.');
    if (task === null) return 'unknown';
    if (!job.taskId && task.id) setTaskId(id, task.id);
    const response = task.response ?? undefined;
    if (isTaskFinished(task)) {
      if (
        response &&
        response.success !== false &&
        (response.image_url || response.raw_image_url)
      ) {
        settleDone(id, response);
        return 'finished';
      }
      const detail = response?.error;
      const failedByService = response?.success === false || detail !== undefined;
      fail(id, {
        kind: failedByService ? 'task' : 'invalid',
        message:
          detail?.message ||
          (failedByService ? 'The task failed.' : 'The task finished without an image.'),
        ...(detail?.code ? { code: detail.code } : {}),
        traceId: task.trace_id ?? response?.trace_id ?? job.traceId,
      });
      return 'failed';
    }
    const p = response?.progress;
    if (typeof p === 'number' && p !== get(id)?.progress) {
      news(id, response);
      return 'news';
    }
    return 'same';
  }

  /**
   * Polls until the job ends. `onUnknown` decides what "no such task" (by trace id) means:
   * fail after a few tries, or report that the job can be sent (it was never sent).
   */
  async function follow(
    act: Active,
    firstDelay: number,
    onUnknown: 'fail' | 'submit',
  ): Promise<'submit' | undefined> {
    const { id } = act;
    let delay = firstDelay;
    let backoff = pollIntervalMs;
    let unknown = 0;
    const nextBackoff = () => {
      const wait = backoff;
      backoff = Math.min(backoff * 2, maxBackoffMs);
      return wait;
    };
    while (!act.stop) {
      await nap(act, delay);
      takeForced(act);
      if (act.stop) return undefined;
      const job = get(id);
      if (!job) return undefined;
      let outcome: Outcome;
      try {
        outcome = await reconcile(id, act.ctl.signal);
        backoff = pollIntervalMs;
      } catch (e) {
        if (act.stop) return undefined;
        const err = asApiError(e);
        if (err.kind === 'http' && err.status === 429) {
          delay = Math.max(err.retryAfterMs ?? nextBackoff(), pollIntervalMs);
        } else if (err.kind === 'http' && err.status !== undefined && err.status < 500) {
          fail(id, errorOf(err, job));
          return undefined;
        } else {
          delay = nextBackoff();
        }
        markStalledIfQuiet(id);
        continue;
      }
      if (outcome === 'finished' || outcome === 'failed') return undefined;
      if (outcome === 'unknown') {
        const current = get(id);
        if (current?.taskId) {
          fail(id, lost(UNKNOWN_TASK_MESSAGE, current));
          return undefined;
        }
        if (onUnknown === 'submit') return 'submit';
        unknown += 1;
        if (unknown >= UNKNOWN_TRACE_LIMIT) {
          fail(id, lost(NEVER_ARRIVED_MESSAGE, current));
          return undefined;
        }
        delay = nextBackoff();
      } else {
        // Found on the service: a job recovered as queued was in fact sent.
        if (get(id)?.status === 'queued') {
          update(id, { status: 'running', startedAt: now(), lastNewsAt: now() }, true);
        }
        delay = get(id)?.status === 'stalled' ? stalledPollMs : pollIntervalMs;
      }
      markStalledIfQuiet(id);
    }
    return undefined;
  }

  /**
   * While a stream or wait request is open: when it has been quiet for `stallAfterMs` (or on
   * `checkAgain`) ask the tasks endpoint; finished → settle and close the request; nothing new →
   * `stalled`, and ask again slowly.
   */
  function watchSending(act: Active): () => void {
    const { ctl, release } = childController(act.ctl.signal);
    const { id } = act;
    void (async () => {
      while (!ctl.signal.aborted) {
        const job = get(id);
        if (!job || !isJobActive(job)) return;
        const quiet = now() - (job.lastNewsAt ?? job.startedAt ?? now());
        const wait = job.status === 'stalled' ? stalledPollMs : Math.max(stallAfter() - quiet, 1);
        await nap(act, wait, ctl.signal);
        if (ctl.signal.aborted) return;
        const forced = takeForced(act);
        const current = get(id);
        if (!current || !isJobActive(current)) return;
        const quietNow = now() - (current.lastNewsAt ?? current.startedAt ?? now());
        if (!forced && current.status !== 'stalled' && quietNow < stallAfter()) continue;
        let outcome: Outcome | 'error';
        try {
          outcome = await reconcile(id, ctl.signal);
        } catch {
          outcome = 'error';
        }
        if (ctl.signal.aborted) return;
        if (outcome === 'finished' || outcome === 'failed') {
          act.sendCtl?.abort();
          return;
        }
        if (outcome === 'unknown' && get(id)?.taskId) {
          fail(id, lost(UNKNOWN_TASK_MESSAGE, get(id)));
          act.sendCtl?.abort();
          return;
        }
        if (outcome !== 'news') markStalledIfQuiet(id);
      }
    })();
    return () => {
      ctl.abort();
      release();
    };
  }

  /** Sends a queued job and follows it to the end. */
  async function send(act: Active): Promise<void> {
    const { id } = act;
    // The queued record (with its trace id) is on disk before anything leaves the tab.
    await persisted(id);
    if (act.stop || !(await claim(id)) || act.stop) return;
    const startedAt = now();
    update(id, { status: 'running', startedAt, lastNewsAt: startedAt, progress: 0 }, true);
    // `running` on disk = "may have been sent": after a reload it is looked up, never resent.
    await persisted(id);
    const job = get(id);
    if (act.stop || !job) return;

    const config = deps.getConfig();
    const request: ImagineRequest = { ...job.request, trace_id: job.traceId };
    if (job.delivery === 'async' && config.callbackUrl && !request.callback_url) {
      request.callback_url = config.callbackUrl;
    }
    const { ctl: sendCtl, release } = childController(act.ctl.signal);
    act.sendCtl = sendCtl;
    const stopWatch = watchSending(act);
    const sentAt = now();
    let next: 'poll-now' | 'poll-later' | 'settled' = 'poll-later';
    try {
      for await (const event of imagine(config.client, request, {
        delivery: job.delivery,
        signal: sendCtl.signal,
      })) {
        if (act.stop) return;
        if (event.type === 'done') {
          settleDone(id, event.response);
          next = 'settled';
          break;
        }
        if (event.type === 'accepted') {
          update(id, { lastNewsAt: now() }, false);
          setTaskId(id, event.taskId);
        } else {
          setTaskId(id, event.response.task_id);
          news(id, event.response);
        }
      }
    } catch (e) {
      if (act.stop) return;
      const current = get(id);
      // Settled through tasks by the watchdog while the request was still open.
      if (!current || !isJobActive(current)) return;
      const err = asApiError(e);
      setTaskId(id, err.taskId);
      if (err.kind === 'task' || err.kind === 'http') {
        // Provider's words kept; 429/5xx are not resent on their own (that could spend twice).
        fail(id, errorOf(err, current));
        return;
      }
      // Dropped, cut short or malformed: the task may well be alive; ask the tasks endpoint.
      next = now() - sentAt >= pollIntervalMs ? 'poll-now' : 'poll-later';
    } finally {
      stopWatch();
      release();
      act.sendCtl = undefined;
    }
    if (next === 'settled' || act.stop) return;
    const current = get(id);
    if (!current || !isJobActive(current)) return;
    await follow(act, next === 'poll-now' ? 0 : pollIntervalMs, 'fail');
  }

  /** Picks up a job after a reload (or from a closed tab). */
  async function recover(act: Active): Promise<void> {
    const job = get(act.id);
    if (!job) return;
    if (job.status === 'queued' && !job.taskId) {
      // Queued on disk = never sent; still, look first (cheap) rather than risk paying twice.
      const verdict = await follow(act, 0, 'submit');
      if (verdict === 'submit' && !act.stop) queue.push(act.id);
      return;
    }
    await follow(act, 0, 'fail');
  }

  /** `checkAgain` on a job this tab is not following (failed, cancelled, or an orphan). */
  async function check(act: Active): Promise<void> {
    const { id } = act;
    const job = get(id);
    if (!job) return;
    let outcome: Outcome;
    try {
      outcome = await reconcile(id, act.ctl.signal);
    } catch (e) {
      if (act.stop) return;
      // An orphan keeps being followed (with backoff); a finished job just says why it could not.
      if (isJobActive(job)) await follow(act, pollIntervalMs, 'fail');
      else update(id, { note: `Could not check: ${asApiError(e).message}` }, true);
      return;
    }
    if (outcome === 'finished' || outcome === 'failed') return;
    if (outcome === 'unknown') {
      if (isJobActive(job)) await follow(act, 0, 'fail');
      else update(id, { note: 'The service has no record of this task.' }, true);
      return;
    }
    // Still in progress on the service (e.g. cancelled here, or failed on a lost connection).
    if (!isJobActive(job)) {
      update(
        id,
        {
          status: 'running',
          error: undefined,
          note: undefined,
          finishedAt: undefined,
          lastNewsAt: now(),
        },
        true,
      );
    }
    await follow(act, pollIntervalMs, 'fail');
  }

  /** Starts following a job whose lock this tab now holds. */
  function adoptClaimed(job: Job): void {
    if (disposed || active.has(job.id)) return;
    const existing = get(job.id);
    actions.upsert({
      ...job,
      ...(existing?.preview ? { preview: existing.preview } : {}),
      // A fresh stall window: the last news on disk may be long gone with the old tab.
      lastNewsAt: now(),
    });
    start(job.id, 'recover');
  }

  async function adopt(id: string): Promise<void> {
    if (!(await claim(id))) {
      watchOrphan(id);
      return;
    }
    // The lock is ours; the record on disk is the truth now (the other tab may have just ended it).
    const fresh = persistence ? await persistence.getJob(id) : get(id);
    if (!fresh || !isJobActive(fresh) || disposed) {
      if (!disposed) unclaim(id);
      if (fresh) actions.upsert(fresh);
      return;
    }
    adoptClaimed(fresh);
  }

  function stopActive(id: string, reason: StopReason): void {
    const act = active.get(id);
    if (!act) return;
    act.stop = reason;
    act.ctl.abort();
    active.delete(id);
  }

  // ---- commands -----------------------------------------------------------------------------

  return {
    submit(request, opts = {}) {
      if (disposed) throw new Error('The job runner has been stopped.');
      const config = deps.getConfig();
      const id = newTraceId();
      // Strictly increasing, so jobs submitted within one millisecond keep their feed order.
      const t = Math.max(now(), lastCreatedAt + 1);
      lastCreatedAt = t;
      const clean = cleanRequest(request);
      if (!clean.mode) clean.mode = config.mode;
      const job: Job = {
        id,
        traceId: newTraceId(),
        request: clean,
        delivery: opts.delivery ?? config.delivery,
        ...(opts.parent ? { parent: opts.parent } : {}),
        status: 'queued',
        progress: 0,
        createdAt: t,
        updatedAt: t,
        attempts: 1,
      };
      void claim(id);
      actions.upsert(job);
      void persist(id);
      queue.push(id);
      pump();
      return id;
    },

    cancel(id) {
      const job = get(id);
      if (!job || !isJobActive(job) || !held.has(id)) return false;
      const at = queue.indexOf(id);
      if (at >= 0) queue.splice(at, 1);
      const sent = job.status !== 'queued';
      update(
        id,
        {
          status: 'cancelled',
          preview: undefined,
          finishedAt: now(),
          note: sent ? CANCELLED_AFTER_SEND_NOTE : CANCELLED_BEFORE_SEND_NOTE,
        },
        true,
      );
      stopActive(id, 'cancel');
      unclaim(id);
      pump();
      return true;
    },

    retry(id) {
      const job = get(id);
      if (!job || disposed) return false;
      if (job.status !== 'failed' && job.status !== 'cancelled' && job.status !== 'stalled') {
        return false;
      }
      // A stalled job of another tab is that tab's to retry.
      if (job.status === 'stalled' && !held.has(id)) return false;
      stopActive(id, 'retry');
      void claim(id);
      update(
        id,
        {
          traceId: newTraceId(),
          attempts: job.attempts + 1,
          delivery: deps.getConfig().delivery,
          status: 'queued',
          progress: 0,
          taskId: undefined,
          result: undefined,
          error: undefined,
          note: undefined,
          preview: undefined,
          startedAt: undefined,
          finishedAt: undefined,
          lastNewsAt: undefined,
        },
        true,
      );
      if (!queue.includes(id)) queue.push(id);
      pump();
      return true;
    },

    checkAgain(id) {
      const job = get(id);
      if (!job || disposed || job.status === 'done' || job.status === 'queued') return false;
      const act = active.get(id);
      if (act) {
        act.forced = true;
        for (const waker of act.wakers) waker.abort();
        return true;
      }
      void claim(id).then((ok) => {
        if (ok && !disposed && !active.has(id)) start(id, 'check');
      });
      return true;
    },

    async remove(ids) {
      for (const id of ids) {
        stopActive(id, 'remove');
        const at = queue.indexOf(id);
        if (at >= 0) queue.splice(at, 1);
        unclaim(id);
      }
      if (persistence) await persistence.deleteJobs(ids);
      else actions.remove(ids);
      pump();
    },

    async resumeAll() {
      if (!persistence || disposed) return;
      const jobs = await persistence.loadJobs();
      await Promise.all(
        jobs
          .filter((job) => isJobActive(job) && !held.has(job.id) && !active.has(job.id))
          .map((job) => adopt(job.id)),
      );
    },

    dispose() {
      if (disposed) return;
      disposed = true;
      for (const id of [...active.keys()]) stopActive(id, 'dispose');
      queue.length = 0;
      for (const ctl of watching.values()) ctl.abort();
      watching.clear();
      for (const release of held.values()) release();
      held.clear();
      unsubscribe?.();
    },
  };
}
