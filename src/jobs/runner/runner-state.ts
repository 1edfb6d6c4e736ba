/**
 * The runner's mutable state, in one plain object its modules are handed (as the engine's
 * `EngineContext` is): the store, the queue, the executions of this tab, and two late-bound
 * steps (`dispatch`, `pump`) so a module that has to feed an event or free a slot need not import
 * the module that does it.
 */
import type { Job } from '../job';
import type { KindRegistry } from '../kind';
import { idleRun, type JobEvent, type Run, type TimerName } from '../machine/types';
import { createJobsActions, jobsStore, type JobsActions, type JobsStore } from '../store';
import { oneTabLocks } from './one-tab-locks';
import type { JobLocks, RunnerDeps, RunnerPersistence } from './ports';
import { createSaveQueue, type SaveQueue } from './save-queue';
import { createSendQueue, type SendQueue } from './send-queue';
import { defaultSleep } from './sleep';

/** One execution of a job in this tab (sending, following or checking it). */
export interface Exec {
  id: string;
  run: Run;
  /** Aborts its call, its lookups, its timers. */
  ctl: AbortController;
  timers: Map<TimerName, AbortController>;
}

/** Everything one runner holds. */
export interface RunnerState {
  readonly deps: RunnerDeps;
  readonly store: JobsStore;
  readonly actions: JobsActions;
  readonly persistence: RunnerPersistence | undefined;
  readonly kinds: KindRegistry;
  readonly now: () => number;
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly locks: JobLocks;
  readonly queue: SendQueue;
  readonly saves: SaveQueue;
  /** The executions of this tab, by job id. */
  readonly execs: Map<string, Exec>;
  disposed: boolean;
  /** The last `createdAt` given, so jobs submitted within one millisecond keep their order. */
  lastCreatedAt: number;
  /** Feeds an event to the machine and carries out its effects (`dispatch.ts`). */
  dispatch: (id: string, event: JobEvent, ex?: Exec, at?: number) => void;
  /** Sends queued jobs while there is a free slot (`slots.ts`). */
  pump: () => void;
}

/** The state of a new runner; `dispatch` and `pump` are bound by `createRunner`. */
export function createRunnerState(deps: RunnerDeps): RunnerState {
  const store = deps.store ?? jobsStore;
  const actions = createJobsActions(store);
  const state: RunnerState = {
    deps,
    store,
    actions,
    persistence: deps.persistence,
    kinds: deps.kinds,
    now: deps.now ?? Date.now,
    sleep: deps.sleep ?? defaultSleep,
    locks: deps.locks ?? oneTabLocks(),
    queue: createSendQueue(store, actions),
    saves: createSaveQueue(
      deps.persistence,
      (id) => jobOf(state, id),
      () => state.disposed,
    ),
    execs: new Map(),
    disposed: false,
    lastCreatedAt: 0,
    dispatch: () => {},
    pump: () => {},
  };
  return state;
}

/** The job as the store has it now. */
export function jobOf(state: RunnerState, id: string): Job | undefined {
  return state.store.getState().byId[id];
}

/** A fresh execution of job `id`, registered as this tab's. */
export function newExec(state: RunnerState, id: string): Exec {
  const ex: Exec = {
    id,
    run: idleRun({ pollIntervalMs: state.deps.pollIntervalMs ?? 1000 }),
    ctl: new AbortController(),
    timers: new Map(),
  };
  state.execs.set(id, ex);
  return ex;
}
