/**
 * Job history in IndexedDB, shared by every tab: a thin facade over four parts, each in its own
 * module: the job repository (`repository/`), tab sync (`tab-sync/channel`), the image cache
 * (`image-cache/`) and the history file (`history-file/`). It never writes the jobs store: what it
 * learns (a load, an import, another tab's change, an undo) goes to the `JobsSink` that `app/`
 * passes in. Nothing here ever sees a token: jobs do not hold one, and token-like request keys
 * are stripped.
 */
import { isJobActive, type Job, type JobPreview, type StoredJob } from './job';
import type { JobsSink, NoticeSink, RunnerSink } from './jobs-sink';
import type { StorageNotice } from './store';
import { createJobRepository, loadStoredJobSchema } from './repository/job-repository';
import { openStudioDb, DB_NAME, type StudioDb } from './repository/schema';
import {
  deleteJobsWithImages,
  imageUrlsOf,
  restoreDeletedBatch,
  type DeletedBatch,
} from './repository/deletions';
import { openTabChannel } from './tab-sync/channel';
import { createImageCache } from './image-cache/image-cache';
import { isReadable, type KeptCopy } from './image-cache/kept-copy';
import { approxBytes } from './image-cache/room';
import type { KeptSummary } from './image-cache/kept-summary';
import { afterFirstPaint, discardUnfinishedImport } from './history-file/import-marker';
import type { ImportProgress, ImportReport } from './history-file/staged-import';
import { definedOnly, noKinds, type PersistenceOptions } from './persistence-options';

export { DB_NAME, DB_VERSION, openStudioDb, upgradeStudioDb } from './repository/schema';
export type { CachedImage, StudioDbSchema } from './repository/schema';
export { CHANNEL_NAME } from './tab-sync/channel';
export type { ImportProgress, ImportReport } from './history-file/staged-import';

/** How many jobs a start reads before showing anything: the feed's first screen and more. */
export const FIRST_PAGE = 48;

/** A job change made by another tab. `job` is null when it was deleted. */
export interface RemoteChange {
  id: string;
  job: Job | null;
}

/** Options of `importHistory`. */
export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
}

/** Job history storage. One per tab (tests make several over one fake database). */
export interface Persistence {
  readonly dbName: string;
  /** Writes one job (never its preview) and tells the other tabs. */
  saveJob(job: Job): Promise<void>;
  /** One stored job, or undefined. */
  getJob(id: string): Promise<StoredJob | undefined>;
  /**
   * The start: the newest `FIRST_PAGE` jobs and every unfinished one, sent to the sink (jobs this
   * tab is running keep their in-memory state) and returned; the rest follows lazily (see
   * `loadAll`). Also says when the last import did not finish.
   */
  loadJobs(): Promise<StoredJob[]>;
  /**
   * Starts reading what the next `loadJobs` sends, so a start that first waits for other code (the
   * runner, which calls `loadJobs`) reads the database meanwhile instead of after it.
   */
  preloadJobs(): void;
  /** Resolves when every stored job has been sent to the sink (starts reading if not yet). */
  loadAll(): Promise<void>;
  /**
   * Deletes jobs and their cached images, here and in every tab. What it removed stays in memory
   * for `undoMs`, for `restoreDeleted`.
   */
  deleteJobs(ids: string[]): Promise<void>;
  /**
   * Undo: puts back the very records, images and thumbnails a delete of these ids removed, as
   * they were (a running job stays running). Returns how many jobs came back.
   */
  restoreDeleted(ids: string[]): Promise<StoredJob[]>;
  /** Drops what `deleteJobs` kept for undo (the undo window closed). */
  forgetDeleted(ids: string[]): void;
  /** The whole history as versioned JSON (no previews, no token). */
  exportHistory(): Promise<string>;
  /**
   * Merges an export into the history, in chunks with progress, all or nothing; throws
   * `HistoryImportError` for a bad or too large file.
   */
  importHistory(file: string | Blob, options?: ImportOptions): Promise<ImportReport>;
  /**
   * Keeps a copy of a final image (see `ImageCache.keep`). True when a readable copy (a blob,
   * directly or through the relay) is kept.
   */
  cacheImage(url: string): Promise<boolean>;
  /** Which copy of a final image is kept, or why none. */
  keptCopy(url: string): Promise<KeptCopy>;
  /** Missing copies kept while links live, one that does not decode fetched again; news of each. */
  keepMissing(urls: string[]): Promise<void>;
  repairCopy(url: string): Promise<KeptCopy>;
  onCopyChange(listener: (url: string) => void): () => void;
  /** The readable bytes of a kept copy, else null. */
  keptBlob(url: string): Promise<Blob | null>;
  /** Every kind of kept copy in this browser, counted (see `image-cache/kept-summary`). */
  keptSummary(): Promise<KeptSummary>;
  /** An object URL of the cached full-size image, else its remote URL (undefined: no image). */
  imageUrlFor(job: Pick<Job, 'result'>): Promise<string | undefined>;
  /** An object URL of the image's thumbnail (≤ 512 px), made once; else as `imageUrlFor`. */
  thumbUrlFor(url: string): Promise<string>;
  /** Tells other tabs about a progress tick (not stored). */
  broadcastProgress(job: Job): void;
  /** Which jobs this tab runs; changes announced for them by other tabs are ignored. */
  setLocalOwner(isLocal: (id: string) => boolean): void;
  /** Called after another tab changed or deleted a job (the sink has been told). */
  onRemoteChange(listener: (change: RemoteChange) => void): () => void;
  /** Closes the database and the channel and revokes object URLs. */
  close(): void;
}

const NOOP_SINK: JobsSink = { merge() {}, remove() {}, patch() {} };

/** Creates the persistence of one tab. Opens the database lazily. */
export function createPersistence(options: PersistenceOptions = {}): Persistence {
  const dbName = options.dbName ?? DB_NAME;
  const sink = options.sink ?? NOOP_SINK;
  const sinkNotice = (sink as Partial<RunnerSink>).notice;
  const sendNotice: NoticeSink = options.onNotice ?? sinkNotice ?? (() => {});
  const now = options.now ?? Date.now;
  const undoMs = options.undoMs ?? 60_000;

  let isLocal: (id: string) => boolean = () => false;
  const listeners = new Set<(change: RemoteChange) => void>();
  /** Live previews of jobs other tabs run (never stored), to keep across a re-read. */
  const livePreviews = new Map<string, JobPreview>();
  /** What recent deletes removed, by job id, until undone or the window closes. */
  const deletedById = new Map<
    string,
    { batch: DeletedBatch; timer: ReturnType<typeof setTimeout> }
  >();
  let dbPromise: Promise<StudioDb> | null = null;
  let rest: Promise<void> | null = null;
  /** The start's read, begun by `preloadJobs` before `loadJobs` asks for it. */
  let firstRead: Promise<{ interrupted: boolean; first: StoredJob[] }> | null = null;
  let closed = false;

  function notice(kind: StorageNotice['kind'], message: string): void {
    sendNotice({ kind, message, at: now() });
  }

  function db(): Promise<StudioDb> {
    if (closed) return Promise.reject(new Error('History storage is closed.'));
    if (!dbPromise) {
      const opening = openStudioDb(dbName, {
        onOutdated: () => {
          void opening.then((d) => d.close());
          dbPromise = null;
          notice(
            'outdated',
            'Imagine Studio was updated in another tab. Reload this tab to keep saving history.',
          );
        },
      });
      dbPromise = opening;
      opening.catch(() => {
        if (dbPromise === opening) dbPromise = null;
        notice(
          'unavailable',
          'History cannot be saved in this browser (storage is unavailable); jobs will be lost on reload.',
        );
      });
    }
    return dbPromise;
  }

  const repository = createJobRepository(db);
  const { thumbnail, copyMeans: means, pictureCache, stagingCache, decodes, blocked } = options;
  const images = createImageCache({
    db,
    notice,
    now,
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    maxImageBytes: options.maxImageBytes ?? 64 * 1024 * 1024,
    ...definedOnly({ thumbnail, means, pictureCache, stagingCache, decodes, blocked }),
  });

  function emit(change: RemoteChange): void {
    for (const listener of listeners) listener(change);
  }

  /** Stored job → live job, keeping the preview of a job another tab is running. */
  function withLivePreview(job: StoredJob): Job {
    const preview = livePreviews.get(job.id);
    if (!isJobActive(job)) livePreviews.delete(job.id);
    return preview && isJobActive(job) ? { ...job, preview } : job;
  }

  const channel = openTabChannel(
    dbName,
    {
      changed(ids) {
        const foreign = ids.filter((id) => !isLocal(id));
        if (foreign.length === 0) return;
        // A failed re-read leaves the old copy on screen; the next change or reload fixes it.
        repository
          .getMany(foreign)
          .then((records) => {
            const jobs = records.filter((j) => !isLocal(j.id)).map(withLivePreview);
            sink.merge(jobs);
            for (const job of jobs) emit({ id: job.id, job });
          })
          .catch(() => {});
      },
      deleted(ids) {
        const foreign = ids.filter((id) => !isLocal(id));
        for (const id of foreign) livePreviews.delete(id);
        sink.remove(foreign);
        for (const id of foreign) emit({ id, job: null });
      },
      progress(id, progress, preview) {
        if (isLocal(id)) return;
        if (preview) livePreviews.set(id, preview);
        sink.patch(id, { progress, ...(preview ? { preview } : {}) });
      },
    },
    options.channelName,
  );

  const keepLocal = (existing: Job) => isLocal(existing.id);

  /** The start's read: the newest page and every unfinished job, and whether an import broke. */
  async function readFirst(): Promise<{ interrupted: boolean; first: StoredJob[] }> {
    // The schemas the records are read with load while the database opens, not after.
    void loadStoredJobSchema().catch(() => {});
    const d = await db();
    const interrupted = await discardUnfinishedImport(d);
    const [page, active] = await Promise.all([repository.newest(FIRST_PAGE), repository.active()]);
    const seen = new Set(page.map((j) => j.id));
    return { interrupted, first: [...page, ...active.filter((j) => !seen.has(j.id))] };
  }

  function loadRest(): Promise<void> {
    rest ??= (async () => {
      const all = await repository.all();
      // A job deleted while the rest was being read stays deleted.
      const kept = all.filter((job) => !deletedById.has(job.id));
      sink.merge(kept.map(withLivePreview), keepLocal);
    })();
    return rest;
  }

  function forgetDeleted(ids: string[]): void {
    for (const id of ids) {
      const kept = deletedById.get(id);
      if (kept) clearTimeout(kept.timer);
      deletedById.delete(id);
    }
  }

  return {
    dbName,

    async saveJob(job) {
      const stored = await images.withRoom(
        () => repository.put(job),
        () => approxBytes(job),
      );
      channel.changed([stored.id]);
    },

    getJob: (id) => repository.get(id),

    async loadJobs() {
      const read = firstRead ?? readFirst();
      firstRead = null;
      const { interrupted, first } = await read;
      if (interrupted) {
        notice(
          'interrupted',
          'The last history import did not finish (the page was closed or reloaded). Nothing from it was added; import the file again.',
        );
      }
      sink.merge(first.map(withLivePreview), keepLocal);
      // The rest once the first screen has been painted and the page is idle, a page at a time:
      // a start shows its first cards as fast with 10,000 jobs as with 100.
      void afterFirstPaint()
        .then(loadRest)
        .catch(() => {});
      return first;
    },

    preloadJobs() {
      firstRead ??= readFirst();
      // Its failure is loadJobs' to report.
      firstRead.catch(() => {});
    },

    loadAll: loadRest,

    async deleteJobs(ids) {
      if (ids.length === 0) return;
      const batch = await deleteJobsWithImages(await db(), ids);
      const urls = batch.jobs.flatMap(imageUrlsOf);
      images.forget(urls);
      batch.offline = await images.dropOffline(urls);
      forgetDeleted(ids);
      const timer = setTimeout(() => forgetDeleted(ids), undoMs);
      for (const id of ids) deletedById.set(id, { batch, timer });
      sink.remove(ids);
      channel.deleted(ids);
    },

    async restoreDeleted(ids) {
      const wanted = new Set(ids);
      const batches = new Set(ids.flatMap((id) => deletedById.get(id)?.batch ?? []));
      const batch: Required<DeletedBatch> = { jobs: [], blobs: [], thumbs: [], offline: [] };
      for (const b of batches) {
        batch.jobs.push(...b.jobs.filter((j) => wanted.has(j.id)));
        const urls = new Set(batch.jobs.flatMap(imageUrlsOf));
        batch.blobs.push(...b.blobs.filter((x) => urls.has(x.url)));
        batch.thumbs.push(...b.thumbs.filter((x) => urls.has(x.url)));
        batch.offline.push(...(b.offline ?? []).filter(([url]) => urls.has(url)));
      }
      if (batch.jobs.length === 0) return [];
      await restoreDeletedBatch(await db(), batch);
      await images.restoreOffline(batch.offline);
      forgetDeleted(ids);
      sink.merge(batch.jobs);
      channel.changed(batch.jobs.map((j) => j.id));
      return batch.jobs;
    },

    forgetDeleted,

    // Export and import load on first use: a start needs neither.
    async exportHistory() {
      const { historyFileJson } = await import('./history-file/history-file');
      return historyFileJson(await repository.all(), now());
    },

    async importHistory(file, importOptions = {}) {
      const { checkImportSize } = await import('./history-file/history-file');
      if (typeof file !== 'string') checkImportSize(file.size);
      const json = typeof file === 'string' ? file : await file.text();
      const d = await db();
      const { stagedImport } = await import('./history-file/staged-import');
      const { report, written } = await stagedImport(d, json, {
        isLocal,
        now,
        kinds: options.kinds ?? noKinds(),
        ...(options.importChunk ? { chunkSize: options.importChunk } : {}),
        ...(importOptions.onProgress ? { onProgress: importOptions.onProgress } : {}),
        withRoom: (write) => images.withRoom(write, json.length * 2),
      });
      sink.merge(written);
      channel.changed(written.map((j) => j.id));
      return report;
    },

    cacheImage: async (url) => isReadable(await images.keep(url)),
    keptCopy: (url) => images.copyOf(url),
    keepMissing: (urls) => images.keepMissing(urls),
    repairCopy: (url) => images.repair(url),
    onCopyChange: (listener) => images.onChange(listener),
    keptBlob: (url) => images.blobOf(url),
    // Loaded on first use: only History shows it.
    keptSummary: async () =>
      (await import('./image-cache/kept-summary')).keptSummary({
        db,
        ...definedOnly({ pictureCache }),
      }),

    async imageUrlFor(job) {
      const url = job.result?.raw_image_url ?? job.result?.image_url;
      return url ? images.urlFor(url) : undefined;
    },

    thumbUrlFor: (url) => images.thumbUrlFor(url),

    broadcastProgress(job) {
      channel.progress(job.id, job.progress, job.preview);
    },

    setLocalOwner(fn) {
      isLocal = fn;
    },

    onRemoteChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    close() {
      closed = true;
      channel.close();
      listeners.clear();
      images.close();
      for (const { timer } of deletedById.values()) clearTimeout(timer);
      deletedById.clear();
      void dbPromise?.then((d) => d.close()).catch(() => {});
      dbPromise = null;
    },
  };
}
