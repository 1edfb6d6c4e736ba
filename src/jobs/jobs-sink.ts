/**
 * How persistence reports job changes without writing the jobs store itself: it is handed a sink,
 * and the runner's (`runner.sink`) is the one the app passes, so the runner stays the jobs store's
 * only writer.
 */
import { isJobActive, type Job } from './job';
import type { JobsActions, JobsStore, StorageNotice } from './store';

/** Where persistence sends the job changes it learns of (loads, imports, other tabs, undo). */
export interface JobsSink {
  /**
   * Adds or replaces jobs. `keep(existing)` true = the in-memory copy wins (a job this tab runs).
   */
  merge(jobs: Job[], keep?: (existing: Job, incoming: Job) => boolean): void;
  /** Jobs deleted (here or in another tab). */
  remove(ids: string[]): void;
  /** A live progress tick of a job another tab runs; ignored unless that job is still active. */
  patch(id: string, patch: Partial<Job>): void;
}

/** Something about storage the person should be told; `null` clears it. */
export type NoticeSink = (notice: StorageNotice | null) => void;

/** A sink and its notices: what the runner offers persistence. */
export type RunnerSink = JobsSink & { notice: NoticeSink };

/** The sink that applies changes through `actions` (the runner's own) to `store`. */
export function sinkFor(actions: JobsActions, store: JobsStore): RunnerSink {
  return {
    merge: (jobs, keep) => actions.merge(jobs, keep),
    remove: (ids) => actions.remove(ids),
    patch(id, patch) {
      const job = store.getState().byId[id];
      if (job && isJobActive(job)) actions.patch(id, patch);
    },
    notice: (notice) => actions.setStorageNotice(notice),
  };
}

/**
 * A sink that forwards to one made later: persistence is created before the runner that owns
 * the store (the runner needs persistence), so it is given this and the runner's sink behind it.
 */
export function lateSink(get: () => RunnerSink): RunnerSink {
  return {
    merge: (jobs, keep) => get().merge(jobs, keep),
    remove: (ids) => get().remove(ids),
    patch: (id, patch) => get().patch(id, patch),
    notice: (notice) => get().notice(notice),
  };
}
