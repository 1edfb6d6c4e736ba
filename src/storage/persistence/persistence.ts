/**
 * Job history in IndexedDB, shared by every tab: a thin facade over parts, each in its own module:
 * the database handle (`db-handle`), the job repository (`../repository/`), other tabs' changes
 * (`remote-sync`), a start's loads (`first-load`), deletes and their undo (`undo-delete`), the
 * image cache (`../image-cache/`) and the history file (`history-transfer`). It never writes
 * the jobs store: what it learns (a load, an import, another tab's change, an undo) goes to the
 * `JobsSink` that `app/` passes in. Nothing here ever sees a token: jobs do not hold one, and
 * token-like request keys are stripped.
 */
import type { Msg } from '../../api/message';
import type { Job, StoredJob } from '../../jobs/job';
import type { JobsSink, NoticeSink, RunnerSink } from '../../jobs/jobs-sink';
import type { StorageNotice } from '../../jobs/store';
import { createJobRepository } from '../repository/job-repository';
import { DB_NAME } from '../repository/schema';
import { createImageCache } from '../image-cache/image-cache';
import { isReadable, type KeptCopy } from '../image-cache/kept-copy';
import { approxBytes } from '../image-cache/room';
import type { KeptSummary } from '../image-cache/kept-summary';
import type { ImportProgress, ImportReport } from '../history-file/staged-import';
import { definedOnly, type PersistenceOptions } from './persistence-options';
import type { RemoteChange, RunnerPersistence } from '../../jobs/runner/ports';
import { createDbHandle } from './db-handle';
import { createFirstLoad } from './first-load';
import { exportHistory, importHistory, type HistoryTransferDeps } from './history-transfer';
import { createRemoteSync } from './remote-sync';
import { createUndoDelete } from './undo-delete';

export { DB_NAME, DB_VERSION, openStudioDb, upgradeStudioDb } from '../repository/schema';
export type { CachedImage, StudioDbSchema } from '../repository/schema';
export { CHANNEL_NAME } from '../tab-sync/channel';
export type { ImportProgress, ImportReport } from '../history-file/staged-import';

/** Options of `importHistory`. */
export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
}

/**
 * Job history storage. One per tab (tests make several over one fake database). The runner sees
 * it through its port (`RunnerPersistence`).
 */
export interface Persistence extends RunnerPersistence {
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
  const notice = (kind: StorageNotice['kind'], message: Msg) =>
    sendNotice({ kind, message, at: now() });

  const { db, close: closeDb } = createDbHandle(dbName, notice);
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
  const remote = createRemoteSync(dbName, repository, sink, options.channelName);
  const { channel } = remote;
  const deletes = createUndoDelete({ db, images, sink, channel, undoMs: options.undoMs ?? 60_000 });
  const start = createFirstLoad({
    db,
    repository,
    sink,
    notice,
    remote,
    isDeleted: deletes.isDeleted,
  });
  const { kinds, importChunk } = options;
  const transfer: HistoryTransferDeps = {
    db,
    repository,
    sink,
    channel,
    isLocal: remote.isLocal,
    now,
    withRoom: (write, size) => images.withRoom(write, size),
    ...definedOnly({ kinds, importChunk }),
  };

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
    loadJobs: start.loadJobs,
    preloadJobs: start.preloadJobs,
    loadAll: start.loadAll,
    deleteJobs: deletes.deleteJobs,
    restoreDeleted: deletes.restoreDeleted,
    forgetDeleted: deletes.forgetDeleted,
    exportHistory: () => exportHistory(transfer),
    importHistory: (file, importOptions = {}) =>
      importHistory(transfer, file, importOptions.onProgress),

    cacheImage: async (url) => isReadable(await images.keep(url)),
    keptCopy: (url) => images.copyOf(url),
    keepMissing: (urls) => images.keepMissing(urls),
    repairCopy: (url) => images.repair(url),
    onCopyChange: (listener) => images.onChange(listener),
    keptBlob: (url) => images.blobOf(url),
    // Loaded on first use: only History shows it.
    keptSummary: async () =>
      (await import('../image-cache/kept-summary')).keptSummary({
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

    setLocalOwner: remote.setLocalOwner,
    onRemoteChange: remote.onRemoteChange,

    close() {
      remote.close();
      images.close();
      deletes.close();
      closeDb();
    },
  };
}
