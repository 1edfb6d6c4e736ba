/**
 * The studio's IndexedDB layout and its migrations. Steps only ever add; a released step is never
 * edited (users' databases already ran it).
 */
import {
  openDB,
  type DBSchema,
  type IDBPDatabase,
  type IDBPTransaction,
  type StoreNames,
} from 'idb';
import type { JobStatus, StoredJob } from '../../jobs/job';

/** The database name. */
export const DB_NAME = 'imagine-studio';
/** The current schema version; every older version has an upgrade step in `upgradeStudioDb`. */
export const DB_VERSION = 4;

/** The `meta` key marking records an older studio wrote with sentences (`legacy-records.ts`). */
export const LEGACY_TEXT_KEY = 'legacyText';

/** A cached final image. */
export interface CachedImage {
  /** The remote URL it was fetched from (the key). */
  url: string;
  blob: Blob;
  size: number;
  storedAt: number;
  /** How it was read: directly (CORS) or through the studio server's relay. Absent = directly. */
  via?: 'blob' | 'relay';
}

/** A small copy of a cached image for gallery tiles (≤ 512 px on its long side). */
export interface CachedThumb {
  /** The remote URL of the full image it was made from (the key). */
  url: string;
  blob: Blob;
  width: number;
  height: number;
}

/** The database layout at `DB_VERSION`. */
export interface StudioDbSchema extends DBSchema {
  jobs: { key: string; value: StoredJob; indexes: { createdAt: number; status: JobStatus } };
  blobs: { key: string; value: CachedImage; indexes: { storedAt: number } };
  /** v3: thumbnails of cached images, made once. */
  thumbs: { key: string; value: CachedThumb };
  /** v3: an import in progress writes here first; a final transaction moves it into `jobs`. */
  staging: { key: string; value: StoredJob };
  meta: { key: string; value: unknown };
}

/** The database as the rest of `jobs/` sees it. */
export type StudioDb = IDBPDatabase<StudioDbSchema>;

/** A job record as version 1 stored it: no `attempts`, no `updatedAt`. */
type JobRecordV1 = Omit<StoredJob, 'attempts' | 'updatedAt'> &
  Partial<StoredJob> & {
    preview?: unknown;
  };

type UpgradeTx = IDBPTransaction<StudioDbSchema, StoreNames<StudioDbSchema>[], 'versionchange'>;

/** Brings a database from `oldVersion` to `DB_VERSION`, one step per version. */
export async function upgradeStudioDb(
  db: StudioDb,
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
  if (oldVersion < 3) {
    // v3: tiles show thumbnails instead of decoding full images; imports are staged.
    db.createObjectStore('thumbs', { keyPath: 'url' });
    db.createObjectStore('staging', { keyPath: 'id' });
  }
  if (oldVersion >= 1 && oldVersion < 4) {
    // v4: notes and studio-made errors are messages, not sentences. A versionchange transaction
    // cannot wait for the migration's chunk, so the records are only marked here; they are
    // read through the migration and rewritten later (`legacy-records.ts`).
    await tx.objectStore('meta').put('pending', LEGACY_TEXT_KEY);
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
): Promise<StudioDb> {
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
