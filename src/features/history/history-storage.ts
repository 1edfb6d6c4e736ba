/**
 * Storage operations of the history that the jobs layer offers only indirectly: restoring deleted
 * jobs (Undo) and a fallback persistence when the app passes none. (Saving files is in
 * components/ui/save-file.)
 */
import { toStoredJob, type Job } from '../../jobs/job';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  createPersistence,
  type Persistence,
} from '../../jobs/persistence';
import type { JobsStore } from '../../jobs/store';

const fallbacks = new WeakMap<JobsStore, Persistence>();

/**
 * A persistence for `store` when the app passes none. It is passive: it treats every job as this
 * tab's own, so it never rewrites the store from other tabs' announcements (the runner's
 * persistence already does; two doing it would race on live progress).
 */
export function fallbackPersistence(store: JobsStore): Persistence {
  let persistence = fallbacks.get(store);
  if (!persistence) {
    persistence = createPersistence({ store });
    persistence.setLocalOwner(() => true);
    fallbacks.set(store, persistence);
  }
  return persistence;
}

/**
 * Puts deleted jobs back, in IndexedDB and in the store, through the import path (the jobs API
 * has no "restore"; an import of the same records does exactly that and tells the other tabs).
 * A job that was still running comes back as `stalled`, to be checked again.
 */
export async function restoreJobs(persistence: Persistence, jobs: readonly Job[]): Promise<number> {
  if (jobs.length === 0) return 0;
  const file = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    jobs: jobs.map((job) => toStoredJob(job)),
  };
  const report = await persistence.importHistory(JSON.stringify(file));
  // Deleting dropped the cached images; fetch them again while the service's links last.
  for (const job of jobs) {
    const url = job.result?.raw_image_url ?? job.result?.image_url;
    if (url) void persistence.cacheImage(url);
  }
  return report.added + report.updated;
}
