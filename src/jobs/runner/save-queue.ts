/**
 * The order of a job's saves: each save of a job starts after the previous one ended, so the
 * last state always wins on disk.
 */
import type { Job } from '../job';
import type { RunnerPersistence } from './ports';

/** Saves per job, in order. */
export interface SaveQueue {
  /**
   * Saves the job's current state (read when the save starts). A failed save leaves the job in
   * memory; persistence has told the person why.
   */
  persist(id: string): Promise<void>;
  /** Resolves when every save of the job asked for so far has ended. */
  persisted(id: string): Promise<void>;
}

/** A save queue over `persistence` (none: nothing is saved). `stopped`: a closed tab's runner. */
export function createSaveQueue(
  persistence: RunnerPersistence | undefined,
  get: (id: string) => Job | undefined,
  stopped: () => boolean,
): SaveQueue {
  const saving = new Map<string, Promise<void>>();
  return {
    persist(id) {
      if (!persistence) return Promise.resolve();
      const write = async () => {
        const job = get(id);
        // A stopped runner is a closed tab: its stale copy must not overwrite a newer one.
        if (job && !stopped()) await persistence.saveJob(job);
      };
      // With nothing pending the write starts now, so a read that follows sees it.
      const previous = saving.get(id);
      const next = (previous ? previous.then(write) : write()).catch(() => {});
      saving.set(id, next);
      void next.then(() => {
        if (saving.get(id) === next) saving.delete(id);
      });
      return next;
    },
    persisted: (id) => saving.get(id) ?? Promise.resolve(),
  };
}
