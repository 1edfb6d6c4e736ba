/**
 * The live jobs: one zustand store, written only by the runner and persistence (through
 * `JobsActions`); components read it with small selectors.
 *
 * Updates are immutable so every selector sees changes, but cheap: a progress tick replaces one
 * job object and shallow-copies `byId`; `order` and every other job keep their identity.
 */
import { createStore, useStore, type StoreApi } from 'zustand';
import type { Msg } from '../api/message';
import type { Job } from './job';

/** Something about storage the person should know (e.g. old cached images were removed). */
export interface StorageNotice {
  /**
   * `evicted`: older cached images were removed to make room; `full`: something could not be
   * saved; `interrupted`: a history import did not finish (nothing of it was kept).
   */
  kind: 'evicted' | 'full' | 'unavailable' | 'outdated' | 'interrupted';
  /** What to say, as a code: worded where it is shown. */
  message: Msg;
  at: number;
}

/** The jobs store's state. */
export interface JobsState {
  byId: Record<string, Job>;
  /** Job ids, newest (`createdAt`) first. */
  order: string[];
  /**
   * The runner's send queue: queued jobs waiting for a slot on their target, first to go first.
   * Its home is here, so a card can say its place; only the runner changes it.
   */
  queue: string[];
  storageNotice: StorageNotice | null;
}

/** A jobs store instance (one per app; tests make their own). */
export type JobsStore = StoreApi<JobsState>;

function emptyState(): JobsState {
  return { byId: {}, order: [], queue: [], storageNotice: null };
}

/** A fresh, empty jobs store. */
export function createJobsStore(): JobsStore {
  return createStore<JobsState>()(() => emptyState());
}

/** The app's jobs store. */
export const jobsStore: JobsStore = createJobsStore();

/** Read the jobs store from a component: `useJobs(s => s.byId[id]?.progress)`. */
export function useJobs<T>(selector: (state: JobsState) => T): T {
  return useStore(jobsStore, selector);
}

/** Job ids, newest first. */
export const selectOrder = (state: JobsState): string[] => state.order;

/** A selector for one job. */
export function selectJob(id: string): (state: JobsState) => Job | undefined {
  return (state) => state.byId[id];
}

/**
 * A queued job's place in the send queue (1 = next to go), or undefined when it is not waiting
 * for a slot (running, done, held for the network, waiting after a 429).
 */
export function selectQueuePlace(id: string): (state: JobsState) => number | undefined {
  return (state) => {
    const at = state.queue.indexOf(id);
    return at < 0 ? undefined : at + 1;
  };
}

/** The current storage notice, if any. */
export const selectStorageNotice = (state: JobsState): StorageNotice | null => state.storageNotice;

/** Newer first; ties broken by id so the order is total and stable. */
function newerFirst(a: Job, b: Job): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Where `job` goes in `order` (binary search; `order` is sorted by `newerFirst`). */
function insertionIndex(order: string[], byId: Record<string, Job>, job: Job): number {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const other = byId[order[mid]!];
    if (other && newerFirst(other, job) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The only ways the store changes. Used by the runner and persistence, never by components. */
export interface JobsActions {
  /** Adds a job or replaces the one with its id. */
  upsert(job: Job): void;
  /**
   * Merges `patch` into a job (a key set to `undefined` is removed); returns the new job, or
   * undefined when the id is unknown.
   */
  patch(id: string, patch: Partial<Job>): Job | undefined;
  /** Adds or replaces many jobs at once (one store update). `keep(existing)` = keep the in-memory one. */
  merge(jobs: Job[], keep?: (existing: Job, incoming: Job) => boolean): void;
  remove(ids: string[]): void;
  /** Replaces the send queue (the runner's; see `JobsState.queue`). */
  setQueue(ids: string[]): void;
  setStorageNotice(notice: StorageNotice | null): void;
  /** Back to empty (tests, "clear history"). */
  reset(): void;
}

/** The actions of one store. */
export function createJobsActions(store: JobsStore): JobsActions {
  return {
    upsert(job) {
      store.setState((s) => {
        const existing = s.byId[job.id];
        const byId = { ...s.byId, [job.id]: job };
        if (existing && existing.createdAt === job.createdAt) return { byId };
        let order = s.order;
        if (existing) order = order.filter((id) => id !== job.id);
        const at = insertionIndex(order, s.byId, job);
        order = [...order.slice(0, at), job.id, ...order.slice(at)];
        return { byId, order };
      });
    },

    patch(id, patch) {
      const existing = store.getState().byId[id];
      if (!existing) return undefined;
      const next: Job = { ...existing, ...patch };
      // `undefined` in a patch removes the field, so stored and exported jobs stay clean.
      for (const key of Object.keys(patch) as (keyof Job)[]) {
        if (patch[key] === undefined) delete next[key];
      }
      // createdAt is fixed at submit, so the order never moves on a patch.
      next.createdAt = existing.createdAt;
      store.setState((s) => ({ byId: { ...s.byId, [id]: next } }));
      return next;
    },

    merge(jobs, keep) {
      if (jobs.length === 0) return;
      store.setState((s) => {
        const byId = { ...s.byId };
        const added: Job[] = [];
        for (const job of jobs) {
          const existing = byId[job.id];
          if (existing && keep?.(existing, job)) continue;
          if (!existing) added.push(job);
          byId[job.id] = existing ? { ...job, createdAt: existing.createdAt } : job;
        }
        if (added.length === 0) return { byId };
        // A few newcomers (another tab's job) are placed by binary search; many get one sort.
        if (added.length <= 16) {
          const order = [...s.order];
          for (const job of added) order.splice(insertionIndex(order, byId, job), 0, job.id);
          return { byId, order };
        }
        const order = Object.values(byId)
          .sort(newerFirst)
          .map((j) => j.id);
        return { byId, order };
      });
    },

    remove(ids) {
      const gone = new Set(ids.filter((id) => store.getState().byId[id]));
      if (gone.size === 0) return;
      store.setState((s) => {
        const byId = { ...s.byId };
        for (const id of gone) delete byId[id];
        const queue = s.queue.some((id) => gone.has(id))
          ? s.queue.filter((id) => !gone.has(id))
          : s.queue;
        return { byId, order: s.order.filter((id) => !gone.has(id)), queue };
      });
    },

    setQueue(ids) {
      store.setState({ queue: ids });
    },

    setStorageNotice(notice) {
      store.setState({ storageNotice: notice });
    },

    reset() {
      store.setState(emptyState(), true);
    },
  };
}
