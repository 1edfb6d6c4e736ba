/**
 * The job runner: a thin loop around the pure job machine (`machine.ts`). It owns what cannot be
 * pure: the queue and its slots, abort controllers, timers, the calls, saves, and which tab runs
 * which job (`tab-sync/locks.ts`). Every decision is the machine's; the runner feeds it events
 * (call results, lookups, ticks, the person's commands) and carries out the effects it returns.
 * Lives outside React; the only writer of job state (the jobs store and persistence).
 */
import type { ClientConfig, Delivery, TaskKey } from '../api/client';
import { newTraceId } from '../api/trace-id';
import { asApiError } from '../api/errors';
import { isJobActive, type Job, type StoredJob } from './job';
import { canCancel, canRetry, transition } from './machine';
import { canCheck } from './machine-lookup';
import {
  idleRun,
  type Effect,
  type JobEvent,
  type Run,
  type Transition,
  type TimerName,
} from './machine-types';
import type { RemoteChange } from './persistence';
import { machineCtx, type Runner, type RunnerDeps } from './runner-types';
import { busyOn, createSendQueue } from './runner-queue';
import { createCopySweep } from './copy-sweep';
import { createSaveQueue } from './save-queue';
import { defaultSleep } from './sleep';
import { createJobsActions, jobsStore } from './store';
import { sinkFor } from './jobs-sink';
import { createTabLocks, defaultLocks } from './tab-sync/locks';

/** One execution of a job in this tab (sending, following or checking it). */
interface Exec {
  id: string;
  run: Run;
  /** Aborts its call, its lookups, its timers. */
  ctl: AbortController;
  timers: Map<TimerName, AbortController>;
}

/** Creates a runner. One per tab; tests make one per simulated tab. */
export function createRunner(deps: RunnerDeps): Runner {
  const store = deps.store ?? jobsStore;
  const actions = createJobsActions(store);
  const persistence = deps.persistence;
  const kinds = deps.kinds;
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? defaultSleep;
  const locks = createTabLocks(deps.locks === undefined ? defaultLocks() : deps.locks);

  const queue = createSendQueue(store, actions);
  const execs = new Map<string, Exec>();
  let disposed = false;
  let lastCreatedAt = 0;

  persistence?.setLocalOwner((id) => locks.holds(id));
  const unsubscribe = persistence?.onRemoteChange(onRemoteChange);
  // Back online: the jobs this tab held back go to the queue, oldest first.
  const unwatchNetwork = deps.network?.onOnline(() => {
    const waiting = Object.values(store.getState().byId).filter((j) => j.waitingFor);
    waiting.sort((a, b) => a.createdAt - b.createdAt);
    for (const j of waiting) if (locks.holds(j.id)) dispatch(j.id, { type: 'online' });
  });

  const get = (id: string): Job | undefined => store.getState().byId[id];
  const sweepCopies = createCopySweep({
    persistence,
    jobs: () => Object.values(store.getState().byId),
    kindOf: (job) => kinds.of(job),
    now,
    stopped: () => disposed,
  });
  const { persist, persisted } = createSaveQueue(persistence, get, () => disposed);

  // ---- the loop: events in, effects out ------------------------------------------------------

  function dispatch(id: string, event: JobEvent, ex?: Exec, at = now()): void {
    const job = get(id);
    const kind =
      event.type === 'submitted'
        ? kinds.get(event.kind)
        : kinds.of(event.type === 'adopted' ? event.stored : (job ?? {}));
    // A job of a kind this version does not know (e.g. imported) is shown, never run.
    if (kind) {
      const ctx = machineCtx(deps, kind, ex?.run, at);
      const t = ctx.tuning;
      let out: Transition;
      try {
        out = transition(job, event, ctx);
      } catch (err) {
        // A bug must not leave a job spinning forever: show it on the job.
        const error = { kind: 'invalid' as const, message: String(err) };
        out = job
          ? {
              job: { ...job, status: 'failed', error, finishedAt: at },
              run: idleRun(t),
              effects: [{ type: 'save' }, { type: 'end' }],
            }
          : { job, run: idleRun(t), effects: [] };
      }
      if (ex) ex.run = out.run;
      if (out.job && out.job !== job) actions.upsert(out.job);
      for (const effect of out.effects) perform(id, effect, ex);
    }
    // An execution the machine left idle has nothing more to do: free its slot.
    if (ex && execs.get(id) === ex && ex.run.phase === 'idle') end(id, ex);
  }

  /** Feeds an event from an execution's own work, unless the execution is over. */
  function feed(ex: Exec, event: JobEvent): void {
    if (!dead(ex)) dispatch(ex.id, event, ex);
  }

  const dead = (ex: Exec): boolean => ex.ctl.signal.aborted || execs.get(ex.id) !== ex;

  function perform(id: string, effect: Effect, ex: Exec | undefined): void {
    switch (effect.type) {
      case 'save':
        return void persist(id);
      case 'send':
        if (ex) void send(ex, effect.body, effect.delivery);
        return;
      case 'timer':
        if (ex) setTimer(ex, effect.timer, effect.afterMs);
        return;
      case 'clearTimer':
        ex?.timers.get(effect.timer)?.abort();
        ex?.timers.delete(effect.timer);
        return;
      case 'lookup':
        if (ex) void lookup(ex, effect.key);
        return;
      case 'cache':
        for (const url of effect.urls) void persistence?.cacheImage(url);
        return;
      case 'notify': {
        if (effect.previewUrl) deps.onPreview?.(effect.previewUrl);
        const job = get(id);
        if (job) persistence?.broadcastProgress(job);
        return;
      }
      case 'enqueue':
        queue.push(id);
        return pump();
      case 'dequeue':
        return queue.remove(id);
      case 'end':
        return end(id, ex ?? execs.get(id));
    }
  }

  function newExec(id: string): Exec {
    const ex: Exec = {
      id,
      run: idleRun({ pollIntervalMs: deps.pollIntervalMs ?? 1000 }),
      ctl: new AbortController(),
      timers: new Map(),
    };
    execs.set(id, ex);
    return ex;
  }

  function stop(ex: Exec): void {
    ex.ctl.abort();
    for (const timer of ex.timers.values()) timer.abort();
  }

  function end(id: string, ex: Exec | undefined): void {
    if (ex) {
      if (execs.get(id) === ex) execs.delete(id);
      stop(ex);
    }
    const job = get(id);
    if (!disposed && (!job || !isJobActive(job))) locks.release(id);
    pump();
  }

  function setTimer(ex: Exec, name: TimerName, ms: number): void {
    ex.timers.get(name)?.abort();
    const ctl = new AbortController();
    ex.timers.set(name, ctl);
    const fire = () => {
      if (ctl.signal.aborted) return;
      if (ex.timers.get(name) === ctl) ex.timers.delete(name);
      feed(ex, { type: 'tick', timer: name });
    };
    if (ms <= 0) void Promise.resolve().then(fire);
    else void sleep(ms, ctl.signal).then(fire);
  }

  /** The client for a job: the target it was sent to, never another target's token. */
  function clientOf(job: Job | undefined): ClientConfig {
    const current = deps.getConfig().client;
    const target = job?.target;
    if (!target || target.baseUrl === current.baseUrl) return current;
    return (
      deps.clientFor?.(target) ?? {
        baseUrl: target.baseUrl,
        ...(current.fetch ? { fetch: current.fetch } : {}),
      }
    );
  }

  async function send(ex: Exec, body: Record<string, unknown>, delivery: Delivery): Promise<void> {
    // `running` on disk = "may have been sent": after a reload it is looked up, never resent.
    await persisted(ex.id);
    const job = get(ex.id);
    const kind = job && kinds.of(job);
    if (dead(ex) || !kind) return;
    try {
      await kind.load(); // what the kind reads answers with; a failed load fails the send
      const events = kind.send(clientOf(job), body, { delivery, signal: ex.ctl.signal });
      for await (const event of events) {
        if (dead(ex)) return;
        if (event.type === 'done') return feed(ex, { type: 'done', response: event.response });
        if (event.type === 'accepted') feed(ex, { type: 'accepted', taskId: event.taskId });
        else feed(ex, { type: 'line', response: event.response });
      }
      feed(ex, { type: 'dropped' });
    } catch (err) {
      feed(ex, { type: 'failed', error: asApiError(err) });
    }
  }

  async function lookup(ex: Exec, key: TaskKey): Promise<void> {
    try {
      // The client and the contract the task is read with load with the first lookup.
      const kind = kinds.of(get(ex.id) ?? {});
      const [{ retrieveTask }] = await Promise.all([import('../api/client'), kind?.load()]);
      const task = await retrieveTask(clientOf(get(ex.id)), key, ex.ctl.signal);
      feed(ex, { type: 'polled', task });
    } catch (err) {
      feed(ex, { type: 'pollFailed', error: asApiError(err) });
    }
  }

  /** Sends queued jobs while the current target has a free slot (Settings: jobs at once). */
  function pump(): void {
    if (disposed) return;
    const config = deps.getConfig();
    const target = config.target ?? 'default';
    const cap = Math.max(1, config.maxInFlight ?? deps.maxInFlight ?? 3);
    const inFlight = () => [...execs.keys()].map(get);
    const room = () => busyOn(target, inFlight()) < cap;
    for (;;) {
      const id = queue.take(room, (q) => get(q)?.status === 'queued' && !execs.has(q));
      if (id === undefined) return;
      const ex = newExec(id);
      void (async () => {
        // The queued record (with its trace id) is on disk before anything leaves the tab.
        await persisted(id);
        if (dead(ex)) return;
        if (!(await locks.claim(id))) return end(id, ex);
        feed(ex, { type: 'slot' });
      })();
    }
  }

  /** Starts following a job whose lock this tab now holds. */
  function adoptClaimed(job: StoredJob): void {
    if (disposed || execs.has(job.id)) return;
    dispatch(job.id, { type: 'adopted', stored: job }, newExec(job.id));
  }

  function watchOrphan(id: string): void {
    if (!persistence || disposed) return;
    let fresh: StoredJob | undefined;
    locks.watch(
      id,
      async () => {
        fresh = await persistence.getJob(id);
        return !!fresh && isJobActive(fresh) && !disposed;
      },
      () => fresh && adoptClaimed(fresh),
    );
  }

  function onRemoteChange(change: RemoteChange): void {
    if (!change.job) locks.unwatch(change.id);
    else if (isJobActive(change.job) && !locks.holds(change.id)) watchOrphan(change.id);
  }

  async function adopt(id: string): Promise<void> {
    if (!(await locks.claim(id))) return watchOrphan(id);
    // The lock is ours; the record on disk is the truth now (the other tab may have just ended it).
    const fresh = persistence ? await persistence.getJob(id) : get(id);
    if (!fresh || !isJobActive(fresh) || disposed || !kinds.of(fresh)) {
      if (!disposed) locks.release(id);
      if (fresh) actions.upsert(fresh);
      return;
    }
    adoptClaimed(fresh);
  }

  // ---- commands -----------------------------------------------------------------------------

  return {
    sink: sinkFor(actions, store),

    submit(request, opts = {}) {
      if (disposed) throw new Error('The job runner has been stopped.');
      const kind = opts.kind ?? kinds.fallback;
      if (!kinds.get(kind)) throw new Error(`Unknown kind of job: ${kind}.`);
      const id = opts.id ?? newTraceId();
      // Strictly increasing, so jobs submitted within one millisecond keep their feed order.
      const t = Math.max(now(), lastCreatedAt + 1);
      lastCreatedAt = t;
      void locks.claim(id);
      const event: JobEvent = {
        type: 'submitted',
        id,
        traceId: newTraceId(),
        kind,
        request,
        ...(opts.delivery ? { delivery: opts.delivery } : {}),
        ...(opts.parent ? { parent: opts.parent } : {}),
        ...(opts.batch ? { batch: opts.batch } : {}),
      };
      dispatch(id, event, undefined, t);
      return id;
    },

    cancel(id) {
      if (!canCancel(get(id)) || !locks.holds(id)) return false;
      dispatch(id, { type: 'cancel' }, execs.get(id));
      return true;
    },

    retry(id) {
      const job = get(id);
      if (!canRetry(job) || disposed) return false;
      // A stalled job of another tab is that tab's to retry.
      if (job?.status === 'stalled' && !locks.holds(id)) return false;
      void locks.claim(id);
      // The machine rebuilds the request with the kind's schema: loaded first.
      const event: JobEvent = { type: 'retry', traceId: newTraceId() };
      const loading = kinds.of(job ?? {})?.load() ?? Promise.resolve();
      void loading.then(() => !disposed && dispatch(id, event, execs.get(id)));
      return true;
    },

    checkAgain(id) {
      if (!canCheck(get(id)) || disposed) return false;
      const ex = execs.get(id);
      if (ex) {
        dispatch(id, { type: 'checkAgain' }, ex);
        return true;
      }
      void locks.claim(id).then((ok) => {
        if (ok && !disposed && !execs.has(id)) dispatch(id, { type: 'checkAgain' }, newExec(id));
      });
      return true;
    },

    async remove(ids) {
      for (const id of ids) {
        const ex = execs.get(id);
        if (ex) {
          execs.delete(id);
          stop(ex);
        }
        queue.remove(id);
        locks.release(id);
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
          .filter((job) => isJobActive(job) && !locks.holds(job.id) && !execs.has(job.id))
          .map((job) => adopt(job.id)),
      );
    },

    keepMissingCopies: () => (disposed ? Promise.resolve() : sweepCopies()),

    dispose() {
      if (disposed) return;
      disposed = true;
      for (const ex of execs.values()) stop(ex);
      execs.clear();
      queue.clear();
      locks.dispose();
      unsubscribe?.();
      unwatchNetwork?.();
    },
  };
}
