/**
 * Job history in IndexedDB, shared by every tab of the studio.
 *
 * - One record per job, written with a per-job `put` at each change that matters, so two tabs
 *   never overwrite each other's jobs; a BroadcastChannel tells the other tabs which job changed
 *   and they re-read it.
 * - Final images are cached as blobs keyed by URL (remote URLs expire); when storage is full the
 *   oldest blobs go first and the store's `storageNotice` says so.
 * - Export/import of the whole history as versioned JSON, validated on the way in. Nothing here
 *   ever sees a token: jobs do not hold one, and token-like request keys are stripped.
 */
import {
  openDB,
  type DBSchema,
  type IDBPDatabase,
  type IDBPTransaction,
  type StoreNames,
} from 'idb';
import { z } from 'zod/mini';
import {
  isJobActive,
  storedJobSchema,
  toStoredJob,
  type Job,
  type JobPreview,
  type JobStatus,
  type StoredJob,
} from './job';
import { createJobsActions, jobsStore, type JobsStore, type StorageNotice } from './store';

/** The database name. */
export const DB_NAME = 'imagine-studio';
/** The current schema version; every older version has an upgrade step in `upgradeStudioDb`. */
export const DB_VERSION = 2;
/** The channel on which tabs announce job changes. */
export const CHANNEL_NAME = 'imagine-studio-jobs';
/** `format` of an export file. */
export const EXPORT_FORMAT = 'imagine-studio-history';
/** Version of the export file layout. */
export const EXPORT_VERSION = 1;

/** A cached final image. */
export interface CachedImage {
  /** The remote URL it was fetched from (the key). */
  url: string;
  blob: Blob;
  size: number;
  storedAt: number;
}

/** The database layout at `DB_VERSION`. */
export interface StudioDbSchema extends DBSchema {
  jobs: { key: string; value: StoredJob; indexes: { createdAt: number; status: JobStatus } };
  blobs: { key: string; value: CachedImage; indexes: { storedAt: number } };
  meta: { key: string; value: unknown };
}

/** A job record as version 1 stored it: no `attempts`, no `updatedAt`. */
type JobRecordV1 = Omit<StoredJob, 'attempts' | 'updatedAt'> &
  Partial<StoredJob> & {
    preview?: unknown;
  };

type UpgradeTx = IDBPTransaction<StudioDbSchema, StoreNames<StudioDbSchema>[], 'versionchange'>;

/**
 * Brings a database from `oldVersion` to `DB_VERSION`, one step per version. Steps only ever add;
 * a released step is never edited (users' databases already ran it).
 */
export async function upgradeStudioDb(
  db: IDBPDatabase<StudioDbSchema>,
  oldVersion: number,
  tx: UpgradeTx,
  now: number = Date.now(),
): Promise<void> {
  if (oldVersion < 1) {
    const jobs = db.createObjectStore('jobs', { keyPath: 'id' });
    jobs.createIndex('createdAt', 'createdAt');
    const blobs = db.createObjectStore('blobs', { keyPath: 'url' });
    blobs.createIndex('storedAt', 'storedAt');
    db.createObjectStore('meta');
  }
  if (oldVersion < 2) {
    // v2: resume and history filters query by status; v1 records lack attempts/updatedAt.
    const jobs = tx.objectStore('jobs');
    jobs.createIndex('status', 'status');
    let cursor = await jobs.openCursor();
    while (cursor) {
      const { preview: _preview, ...v1 } = cursor.value as JobRecordV1;
      const upgraded: StoredJob = {
        ...v1,
        attempts: v1.attempts ?? 1,
        updatedAt: v1.updatedAt ?? v1.finishedAt ?? v1.startedAt ?? v1.createdAt,
      };
      await cursor.update(upgraded);
      cursor = await cursor.continue();
    }
  }
  await tx.objectStore('meta').put({ from: oldVersion, to: DB_VERSION, at: now }, 'schema');
}

/** Callbacks of `openStudioDb`. */
export interface OpenStudioDbOptions {
  /** Another tab wants a newer schema; this connection has been closed for it. */
  onOutdated?: () => void;
}

/** Opens (creating or upgrading) the studio database. */
export function openStudioDb(
  name: string = DB_NAME,
  options: OpenStudioDbOptions = {},
): Promise<IDBPDatabase<StudioDbSchema>> {
  let upgradeError: unknown;
  return openDB<StudioDbSchema>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      upgradeStudioDb(db, oldVersion, tx).catch((err: unknown) => {
        upgradeError = err;
        // A failed step must not leave a half-migrated database behind.
        try {
          tx.abort();
        } catch {
          // Already finished or aborted: the open fails either way.
        }
      });
    },
    blocking() {
      options.onOutdated?.();
    },
  }).catch((err: unknown) => {
    throw upgradeError ?? err;
  });
}

/** What `importHistory` did. */
export interface ImportReport {
  /** Jobs in the file. */
  total: number;
  added: number;
  /** Jobs replaced by a newer copy from the file. */
  updated: number;
  /** Jobs already here and as new (or running in this tab). */
  unchanged: number;
}

/** A history file that cannot be imported; `message` says why, for the person. */
export class HistoryImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HistoryImportError';
  }
}

/** A job change made by another tab. `job` is null when it was deleted. */
export interface RemoteChange {
  id: string;
  job: Job | null;
}

/** Job history storage. One per tab (tests make several over one fake database). */
export interface Persistence {
  readonly dbName: string;
  /** Writes one job (never its preview) and tells the other tabs. */
  saveJob(job: Job): Promise<void>;
  /** One stored job, or undefined. */
  getJob(id: string): Promise<StoredJob | undefined>;
  /**
   * Every stored job, newest first, and merged into the store (jobs this tab is running keep
   * their in-memory state). Records that fail validation are skipped.
   */
  loadJobs(): Promise<StoredJob[]>;
  /** Deletes jobs and their cached images, here and in every tab. */
  deleteJobs(ids: string[]): Promise<void>;
  /** The whole history as versioned JSON (no previews, no token). */
  exportHistory(): Promise<string>;
  /** Merges an export into the history; throws `HistoryImportError` for a bad file. */
  importHistory(json: string): Promise<ImportReport>;
  /** Fetches a final image into the cache. False when it could not be fetched (CORS) or stored. */
  cacheImage(url: string): Promise<boolean>;
  /** An object URL of the cached full-size image, else its remote URL (undefined: no image). */
  imageUrlFor(job: Pick<Job, 'result'>): Promise<string | undefined>;
  /** Tells other tabs about a progress tick (not stored). */
  broadcastProgress(job: Job): void;
  /** Which jobs this tab runs; changes announced for them by other tabs are ignored. */
  setLocalOwner(isLocal: (id: string) => boolean): void;
  /** Called after another tab changed or deleted a job (the store is already updated). */
  onRemoteChange(listener: (change: RemoteChange) => void): () => void;
  /** Closes the database and the channel and revokes object URLs. */
  close(): void;
}

/** Options of `createPersistence`. */
export interface PersistenceOptions {
  dbName?: string;
  store?: JobsStore;
  /** Used to fetch images for the cache. */
  fetch?: typeof fetch;
  channelName?: string;
  now?: () => number;
  /** Images larger than this are not cached. */
  maxImageBytes?: number;
}

type ChannelMessage =
  | { db: string; type: 'changed'; ids: string[] }
  | { db: string; type: 'deleted'; ids: string[] }
  | { db: string; type: 'progress'; id: string; progress: number; preview?: JobPreview };

function isQuotaError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { name, code } = err as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22;
}

/** Rough size of a record, to know how much room to make. */
function approxBytes(value: unknown): number {
  try {
    return JSON.stringify(value).length * 2;
  } catch {
    return 64 * 1024;
  }
}

const exportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.int().check(z.minimum(1)),
  exportedAt: z.optional(z.string()),
  jobs: z.array(z.unknown()),
});

/** Creates the persistence of one tab. Opens the database lazily. */
export function createPersistence(options: PersistenceOptions = {}): Persistence {
  const dbName = options.dbName ?? DB_NAME;
  const store = options.store ?? jobsStore;
  const actions = createJobsActions(store);
  const now = options.now ?? Date.now;
  const maxImageBytes = options.maxImageBytes ?? 64 * 1024 * 1024;
  const fetchImage: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));

  let isLocal: (id: string) => boolean = () => false;
  const listeners = new Set<(change: RemoteChange) => void>();
  /** Object URLs handed out, by remote URL, so each blob gets one and it can be revoked. */
  const objectUrls = new Map<string, string>();
  let dbPromise: Promise<IDBPDatabase<StudioDbSchema>> | null = null;
  let closed = false;

  function notice(kind: StorageNotice['kind'], message: string): void {
    actions.setStorageNotice({ kind, message, at: now() });
  }

  function db(): Promise<IDBPDatabase<StudioDbSchema>> {
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

  const channel: BroadcastChannel | null =
    typeof BroadcastChannel === 'undefined'
      ? null
      : new BroadcastChannel(options.channelName ?? CHANNEL_NAME);

  function post(message: ChannelMessage): void {
    try {
      channel?.postMessage(message);
    } catch {
      // A closed channel (tab shutting down) only costs other tabs a refresh.
    }
  }

  function emit(change: RemoteChange): void {
    for (const listener of listeners) listener(change);
  }

  /** Stored job → store job, keeping the live preview of a job another tab is running. */
  function withLivePreview(job: StoredJob): Job {
    const existing = store.getState().byId[job.id];
    return existing?.preview && isJobActive(job) ? { ...job, preview: existing.preview } : job;
  }

  async function onChanged(ids: string[]): Promise<void> {
    const foreign = ids.filter((id) => !isLocal(id));
    if (foreign.length === 0) return;
    const d = await db();
    const tx = d.transaction('jobs');
    const records = await Promise.all(foreign.map((id) => tx.store.get(id)));
    const jobs: Job[] = [];
    records.forEach((record) => {
      const parsed = storedJobSchema.safeParse(record);
      if (parsed.success && !isLocal(parsed.data.id)) jobs.push(withLivePreview(parsed.data));
    });
    actions.merge(jobs);
    for (const job of jobs) emit({ id: job.id, job: store.getState().byId[job.id] ?? job });
  }

  function onMessage(message: ChannelMessage): void {
    if (message.db !== dbName) return;
    if (message.type === 'changed') {
      // A failed re-read leaves the old copy on screen; the next change or reload fixes it.
      onChanged(message.ids).catch(() => {});
    } else if (message.type === 'deleted') {
      const ids = message.ids.filter((id) => !isLocal(id));
      actions.remove(ids);
      for (const id of ids) emit({ id, job: null });
    } else if (message.type === 'progress' && !isLocal(message.id)) {
      const job = store.getState().byId[message.id];
      if (job && isJobActive(job)) {
        actions.patch(message.id, {
          progress: message.progress,
          ...(message.preview ? { preview: message.preview } : {}),
        });
      }
    }
  }

  if (channel) {
    channel.onmessage = (event: MessageEvent<ChannelMessage>) => onMessage(event.data);
  }

  function forgetObjectUrl(url: string): void {
    const objectUrl = objectUrls.get(url);
    if (objectUrl) {
      URL.revokeObjectURL(objectUrl);
      objectUrls.delete(url);
    }
  }

  /** Deletes the oldest cached images until `bytes` are freed; returns how many went. */
  async function evictOldestBlobs(bytes: number, keep?: string): Promise<number> {
    const d = await db();
    const tx = d.transaction('blobs', 'readwrite');
    let freed = 0;
    let count = 0;
    let cursor = await tx.store.index('storedAt').openCursor();
    while (cursor && freed < bytes) {
      if (cursor.value.url !== keep) {
        freed += cursor.value.size;
        count += 1;
        forgetObjectUrl(cursor.value.url);
        await cursor.delete();
      }
      cursor = await cursor.continue();
    }
    await tx.done;
    return count;
  }

  /**
   * Runs a write; on QuotaExceededError deletes the oldest cached images and tries again (twice
   * at most), telling the person what happened either way.
   */
  async function withRoom<T>(
    write: () => Promise<T>,
    size: number | (() => number),
    keep?: string,
  ): Promise<T> {
    let evicted = 0;
    let bytes = -1;
    for (let attempt = 0; ; attempt += 1) {
      try {
        const result = await write();
        if (evicted > 0) {
          notice(
            'evicted',
            `Storage was full, so ${evicted} older cached image${evicted === 1 ? ' was' : 's were'} removed from this device. Their jobs are kept; the images load from the service while its links last.`,
          );
        }
        return result;
      } catch (err) {
        if (!isQuotaError(err)) throw err;
        // Sized only now: measuring every save would cost a stringify of each job (masks too).
        if (bytes < 0) bytes = typeof size === 'function' ? size() : size;
        const removed = attempt < 2 ? await evictOldestBlobs(Math.max(bytes, 1), keep) : 0;
        if (removed === 0) {
          notice(
            'full',
            'Storage on this device is full: the latest change could not be saved. Delete some history (or export it) to make room.',
          );
          throw err;
        }
        evicted += removed;
        // Evicting more than asked next time: the first estimate was evidently not enough.
        bytes *= 2;
      }
    }
  }

  async function readAllJobs(): Promise<StoredJob[]> {
    const d = await db();
    const records = await d.getAllFromIndex('jobs', 'createdAt');
    const jobs: StoredJob[] = [];
    for (let i = records.length - 1; i >= 0; i -= 1) {
      const parsed = storedJobSchema.safeParse(records[i]);
      if (parsed.success) jobs.push(parsed.data);
    }
    return jobs;
  }

  return {
    dbName,

    async saveJob(job) {
      const stored = toStoredJob(job);
      const d = await db();
      await withRoom(
        () => d.put('jobs', stored),
        () => approxBytes(stored),
      );
      post({ db: dbName, type: 'changed', ids: [job.id] });
    },

    async getJob(id) {
      const record = await (await db()).get('jobs', id);
      const parsed = storedJobSchema.safeParse(record);
      return parsed.success ? parsed.data : undefined;
    },

    async loadJobs() {
      const jobs = await readAllJobs();
      actions.merge(jobs.map(withLivePreview), (existing) => isLocal(existing.id));
      return jobs;
    },

    async deleteJobs(ids) {
      if (ids.length === 0) return;
      const d = await db();
      const tx = d.transaction(['jobs', 'blobs'], 'readwrite');
      const urls: string[] = [];
      for (const id of ids) {
        const record = await tx.objectStore('jobs').get(id);
        const result = record?.result;
        if (result?.raw_image_url) urls.push(result.raw_image_url);
        if (result?.image_url) urls.push(result.image_url);
        for (const url of result?.sub_image_urls ?? []) urls.push(url);
        await tx.objectStore('jobs').delete(id);
      }
      for (const url of urls) await tx.objectStore('blobs').delete(url);
      await tx.done;
      urls.forEach(forgetObjectUrl);
      actions.remove(ids);
      post({ db: dbName, type: 'deleted', ids });
    },

    async exportHistory() {
      const jobs = await readAllJobs();
      return JSON.stringify({
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        exportedAt: new Date(now()).toISOString(),
        jobs: jobs.map((job) => toStoredJob(job)),
      });
    },

    async importHistory(json) {
      let raw: unknown;
      try {
        raw = JSON.parse(json);
      } catch {
        throw new HistoryImportError(
          'This file is not an Imagine Studio history export: it is not valid JSON.',
        );
      }
      const file = exportFileSchema.safeParse(raw);
      if (!file.success) {
        const format = (raw as { format?: unknown } | null)?.format;
        throw new HistoryImportError(
          format === EXPORT_FORMAT
            ? 'This history file is damaged: its header or job list is missing.'
            : 'This file is not an Imagine Studio history export.',
        );
      }
      if (file.data.version > EXPORT_VERSION) {
        throw new HistoryImportError(
          `This history file was made by a newer Imagine Studio (format version ${file.data.version}); update the studio to import it.`,
        );
      }

      const byId = new Map<string, StoredJob>();
      file.data.jobs.forEach((item, index) => {
        const parsed = storedJobSchema.safeParse(item);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const where = issue?.path.length ? issue.path.join('.') : 'job';
          const id = (item as { id?: unknown } | null)?.id;
          throw new HistoryImportError(
            `This history file is damaged: job ${index + 1}${typeof id === 'string' ? ` (${id})` : ''} has an invalid ${where}: ${issue?.message ?? 'unknown problem'}. Nothing was imported.`,
          );
        }
        const job = parsed.data;
        // A job that was in flight elsewhere cannot be running here; let the person check it.
        byId.set(
          job.id,
          isJobActive(job)
            ? {
                ...job,
                status: 'stalled',
                note: 'Imported while it was still in progress; use Check again to look it up.',
              }
            : job,
        );
      });

      const d = await db();
      const incoming = [...byId.values()];
      const report: ImportReport = { total: incoming.length, added: 0, updated: 0, unchanged: 0 };
      const written: StoredJob[] = [];
      await withRoom(
        async () => {
          written.length = 0;
          report.added = report.updated = report.unchanged = 0;
          const tx = d.transaction('jobs', 'readwrite');
          for (const job of incoming) {
            const existing = await tx.store.get(job.id);
            if (!existing) report.added += 1;
            else if (!isLocal(job.id) && job.updatedAt > existing.updatedAt) report.updated += 1;
            else {
              report.unchanged += 1;
              continue;
            }
            written.push(job);
            await tx.store.put(job);
          }
          await tx.done;
        },
        () => approxBytes(incoming),
      );

      actions.merge(written);
      if (written.length > 0) post({ db: dbName, type: 'changed', ids: written.map((j) => j.id) });
      return report;
    },

    async cacheImage(url) {
      if (!url || /^(blob|data):/i.test(url)) return false;
      try {
        const d = await db();
        if ((await d.getKey('blobs', url)) !== undefined) return true;
        // CORS mode: a host that does not allow us simply fails here, and the remote URL is used.
        const res = await fetchImage(url, { mode: 'cors', credentials: 'omit' });
        if (!res.ok) return false;
        const blob = await res.blob();
        if (blob.size === 0 || blob.size > maxImageBytes) return false;
        const record: CachedImage = { url, blob, size: blob.size, storedAt: now() };
        await withRoom(() => d.put('blobs', record), blob.size, url);
        return true;
      } catch {
        return false;
      }
    },

    async imageUrlFor(job) {
      const url = job.result?.raw_image_url ?? job.result?.image_url;
      if (!url) return undefined;
      const known = objectUrls.get(url);
      if (known) return known;
      try {
        const cached = await (await db()).get('blobs', url);
        if (!cached) return url;
        const again = objectUrls.get(url);
        if (again) return again;
        const objectUrl = URL.createObjectURL(cached.blob);
        objectUrls.set(url, objectUrl);
        return objectUrl;
      } catch {
        return url;
      }
    },

    broadcastProgress(job) {
      post({
        db: dbName,
        type: 'progress',
        id: job.id,
        progress: job.progress,
        ...(job.preview ? { preview: job.preview } : {}),
      });
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
      channel?.close();
      listeners.clear();
      for (const objectUrl of objectUrls.values()) URL.revokeObjectURL(objectUrl);
      objectUrls.clear();
      void dbPromise?.then((d) => d.close()).catch(() => {});
      dbPromise = null;
    },
  };
}
