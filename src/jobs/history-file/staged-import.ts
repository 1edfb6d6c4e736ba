/**
 * An import in chunks, atomic: jobs are validated and written into the `staging` store chunk by
 * chunk (yielding to the page between chunks, with progress), and one final transaction moves
 * them into `jobs`. A reload before that leaves `jobs` as it was, and a marker in `meta` lets the
 * next start say the import did not finish.
 */
import type { StoredJob } from '../job';
import { defaultKinds, type KindRegistry } from '../kinds/registry';
import type { StudioDb } from '../repository/schema';
import { loadJobSchemas } from '../schemas';
import { IMPORT_MARKER, holdingImportLock, yieldToPage } from './import-marker';
import { readHistoryHeader, readHistoryJob } from './read-history';

/** What `importHistory` did. */
export interface ImportReport {
  /** Jobs in the file. */
  total: number;
  added: number;
  /** Jobs replaced by a newer copy from the file. */
  updated: number;
  /** Jobs already here and as new (or running in this tab). */
  unchanged: number;
  /** Fields left out of the file's jobs, with how many jobs had each (e.g. `request.mode`). */
  dropped: Record<string, number>;
}

/** Where an import stands, for a progress bar. */
export interface ImportProgress {
  phase: 'reading' | 'writing' | 'finishing';
  done: number;
  total: number;
}

/** Options of `stagedImport`. */
export interface StagedImportOptions {
  /** Jobs this tab runs: never replaced by an imported copy. */
  isLocal: (id: string) => boolean;
  /** The kinds that rebuild each job's request (default: the studio's own). */
  kinds?: KindRegistry;
  onProgress?: (progress: ImportProgress) => void;
  /** Jobs per chunk. Default 500. */
  chunkSize?: number;
  /** Lets the page paint and handle input between chunks. */
  yieldToPage?: () => Promise<void>;
  /** Wraps each write so a full quota can make room. */
  withRoom?: <T>(write: () => Promise<T>) => Promise<T>;
  now?: () => number;
}

async function clearStaging(db: StudioDb): Promise<void> {
  const tx = db.transaction(['staging', 'meta'], 'readwrite');
  await tx.objectStore('staging').clear();
  await tx.objectStore('meta').delete(IMPORT_MARKER);
  await tx.done;
}

/** Imports a history file's JSON; returns the report and the jobs written. */
export function stagedImport(
  db: StudioDb,
  json: string,
  options: StagedImportOptions,
): Promise<{ report: ImportReport; written: StoredJob[] }> {
  return holdingImportLock(() => runImport(db, json, options));
}

async function runImport(
  db: StudioDb,
  json: string,
  options: StagedImportOptions,
): Promise<{ report: ImportReport; written: StoredJob[] }> {
  const chunkSize = options.chunkSize ?? 500;
  const pause = options.yieldToPage ?? yieldToPage;
  const room = options.withRoom ?? (<T>(write: () => Promise<T>) => write());
  const progress = options.onProgress ?? (() => {});
  const items = readHistoryHeader(json);
  const kinds = options.kinds ?? defaultKinds();
  // The kinds check each request against their schema: loaded before the first job is read.
  await loadJobSchemas();

  // Validate everything first, so a damaged file imports nothing.
  const dropped: Record<string, number> = {};
  const byId = new Map<string, StoredJob>();
  for (let i = 0; i < items.length; i += 1) {
    const job = readHistoryJob(items[i], i, dropped, kinds);
    byId.set(job.id, job);
    if ((i + 1) % chunkSize === 0) {
      progress({ phase: 'reading', done: i + 1, total: items.length });
      await pause();
    }
  }
  const incoming = [...byId.values()];
  const report: ImportReport = {
    total: incoming.length,
    added: 0,
    updated: 0,
    unchanged: 0,
    dropped,
  };

  const start = db.transaction(['staging', 'meta'], 'readwrite');
  await start.objectStore('staging').clear();
  await start
    .objectStore('meta')
    .put({ at: (options.now ?? Date.now)(), total: incoming.length }, IMPORT_MARKER);
  await start.done;

  const written: StoredJob[] = [];
  try {
    for (let at = 0; at < incoming.length; at += chunkSize) {
      const chunk = incoming.slice(at, at + chunkSize);
      const counts = await room(async () => {
        const tx = db.transaction(['jobs', 'staging'], 'readwrite');
        const out = { added: 0, updated: 0, unchanged: 0, jobs: [] as StoredJob[] };
        for (const job of chunk) {
          const existing = await tx.objectStore('jobs').get(job.id);
          if (!existing) out.added += 1;
          else if (!options.isLocal(job.id) && job.updatedAt > existing.updatedAt) out.updated += 1;
          else {
            out.unchanged += 1;
            continue;
          }
          out.jobs.push(job);
          await tx.objectStore('staging').put(job);
        }
        await tx.done;
        return out;
      });
      report.added += counts.added;
      report.updated += counts.updated;
      report.unchanged += counts.unchanged;
      written.push(...counts.jobs);
      progress({
        phase: 'writing',
        done: Math.min(at + chunkSize, incoming.length),
        total: incoming.length,
      });
      await pause();
    }

    // The switch: one transaction, so the history has all of the import or none of it.
    progress({ phase: 'finishing', done: incoming.length, total: incoming.length });
    await room(async () => {
      const tx = db.transaction(['staging', 'jobs', 'meta'], 'readwrite');
      let cursor = await tx.objectStore('staging').openCursor();
      while (cursor) {
        await tx.objectStore('jobs').put(cursor.value);
        cursor = await cursor.continue();
      }
      await tx.objectStore('staging').clear();
      await tx.objectStore('meta').delete(IMPORT_MARKER);
      await tx.done;
    });
  } catch (err) {
    await clearStaging(db).catch(() => {});
    throw err;
  }
  return { report, written };
}
