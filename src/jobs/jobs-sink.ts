/**
 * How persistence reports job changes without writing the jobs store itself: `app/` passes a
 * sink (today wired to the store's actions; later the runner, the store's only writer).
 */
import { isJobActive, type Job } from './job';
import { createJobsActions, type JobsStore, type StorageNotice } from './store';

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

/** A sink that writes `store` through its actions (the app's wiring until the runner owns it). */
export function storeSink(store: JobsStore): JobsSink & { notice: NoticeSink } {
  const actions = createJobsActions(store);
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
