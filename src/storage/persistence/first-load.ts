/**
 * A start: the newest page of jobs and every unfinished one first (read while other code loads,
 * when asked to), then the rest once the first screen is painted; and the notice when the last
 * import did not finish.
 */
import { storageMsg } from '../storage-codes';
import type { StoredJob } from '../../jobs/job';
import type { JobsSink } from '../../jobs/jobs-sink';
import { afterFirstPaint, discardUnfinishedImport } from '../history-file/import-marker';
import { loadStoredJobSchema, type JobRepository } from '../repository/job-repository';
import type { StudioDb } from '../repository/schema';
import type { Notice } from './db-handle';
import type { RemoteSync } from './remote-sync';

/** How many jobs a start reads before showing anything: the feed's first screen and more. */
export const FIRST_PAGE = 48;

/** What a start reads with and reports to. */
export interface FirstLoadDeps {
  db(): Promise<StudioDb>;
  repository: JobRepository;
  sink: JobsSink;
  notice: Notice;
  remote: Pick<RemoteSync, 'withLivePreview' | 'keepLocal'>;
  /** True for a job deleted (and still undoable) while the rest was being read. */
  isDeleted(id: string): boolean;
}

/** The loads of one tab's start (see `Persistence.loadJobs`, `preloadJobs`, `loadAll`). */
export interface FirstLoad {
  loadJobs(): Promise<StoredJob[]>;
  preloadJobs(): void;
  loadAll(): Promise<void>;
}

/** The start of one tab. */
export function createFirstLoad(deps: FirstLoadDeps): FirstLoad {
  const { repository, sink, remote } = deps;
  let rest: Promise<void> | null = null;
  /** The start's read, begun by `preloadJobs` before `loadJobs` asks for it. */
  let firstRead: Promise<{ interrupted: boolean; first: StoredJob[] }> | null = null;

  /** The start's read: the newest page and every unfinished job, and whether an import broke. */
  async function readFirst(): Promise<{ interrupted: boolean; first: StoredJob[] }> {
    // The schema the records are read with loads while the database opens, not after.
    void loadStoredJobSchema().catch(() => {});
    const d = await deps.db();
    const interrupted = await discardUnfinishedImport(d);
    const [page, active] = await Promise.all([repository.newest(FIRST_PAGE), repository.active()]);
    const seen = new Set(page.map((j) => j.id));
    return { interrupted, first: [...page, ...active.filter((j) => !seen.has(j.id))] };
  }

  function loadAll(): Promise<void> {
    rest ??= (async () => {
      const all = await repository.all();
      // A job deleted while the rest was being read stays deleted.
      const kept = all.filter((job) => !deps.isDeleted(job.id));
      sink.merge(kept.map(remote.withLivePreview), remote.keepLocal);
    })();
    return rest;
  }

  return {
    async loadJobs() {
      const read = firstRead ?? readFirst();
      firstRead = null;
      const { interrupted, first } = await read;
      if (interrupted) {
        deps.notice('interrupted', storageMsg('storage.import-unfinished'));
      }
      sink.merge(first.map(remote.withLivePreview), remote.keepLocal);
      // The rest once the first screen has been painted and the page is idle, a page at a time:
      // a start shows its first cards as fast with 10,000 jobs as with 100.
      void afterFirstPaint()
        .then(loadAll)
        .catch(() => {});
      return first;
    },

    preloadJobs() {
      firstRead ??= readFirst();
      // Its failure is loadJobs' to report.
      firstRead.catch(() => {});
    },

    loadAll,
  };
}
