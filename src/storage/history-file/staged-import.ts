/**
 * An import, atomic and quick: every job is validated first (in chunks, yielding to the page,
 * with progress), then one transaction writes them into `jobs`, in slices whose completion
 * reports progress and lets the page paint between them. The transaction also removes the
 * marker written just before it, so a reload before it commits leaves `jobs` as it was and the
 * marker lets the next start say the import did not finish.
 *
 * One transaction rather than a staging store and a final move: staging wrote, read back and
 * wrote again every job, with one awaited request per job, which took 22 s for 10,000 jobs.
 */
import { unwrap } from 'idb';
import type { StoredJob } from '../../jobs/job';
import type { KindRegistry } from '../../jobs/kind';
import type { StudioDb } from '../repository/schema';
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
  /** The kinds that rebuild each job's request (the studio's: `kinds/registry.ts`). */
  kinds: KindRegistry;
  onProgress?: (progress: ImportProgress) => void;
  /** Jobs validated between two yields, and written per slice of the transaction. Default 250. */
  chunkSize?: number;
  /** Lets the page paint and handle input between validated chunks. */
  yieldToPage?: () => Promise<void>;
  /** Wraps the write so a full quota can make room. */
  withRoom?: <T>(write: () => Promise<T>) => Promise<T>;
  now?: () => number;
}

/** Resolves when `request` succeeds, rejects with its error. */
function settled(request: IDBRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('The write failed.'));
  });
}

/** Imports a history file's JSON; returns the report and the jobs written. */
export function stagedImport(
  db: StudioDb,
  json: string,
  options: StagedImportOptions,
): Promise<{ report: ImportReport; written: StoredJob[] }> {
  return holdingImportLock(() => runImport(db, json, options));
}

/** Every job of the file, validated (a damaged file throws before anything is written). */
async function readJobs(
  json: string,
  options: StagedImportOptions,
  chunkSize: number,
): Promise<{ incoming: StoredJob[]; dropped: Record<string, number> }> {
  const pause = options.yieldToPage ?? yieldToPage;
  const progress = options.onProgress ?? (() => {});
  const { version, jobs: items } = readHistoryHeader(json);
  const { kinds } = options;
  // The kinds check each request against their schema: loaded before the first job is read. A
  // file of an older studio holds sentences: its migration loads too.
  const [legacy] = await Promise.all([
    version < 2 ? import('../migrations/legacy-text').then((m) => m.loadLegacyText()) : null,
    kinds.loadAll(),
  ]);
  const dropped: Record<string, number> = {};
  const byId = new Map<string, StoredJob>();
  for (let i = 0; i < items.length; i += 1) {
    const item = legacy ? legacy.job(items[i]) : items[i];
    const job = readHistoryJob(item, i, dropped, kinds);
    byId.set(job.id, job);
    if ((i + 1) % chunkSize === 0) {
      progress({ phase: 'reading', done: i + 1, total: items.length });
      await pause();
    }
  }
  return { incoming: [...byId.values()], dropped };
}

async function runImport(
  db: StudioDb,
  json: string,
  options: StagedImportOptions,
): Promise<{ report: ImportReport; written: StoredJob[] }> {
  const chunkSize = Math.max(1, options.chunkSize ?? 250);
  const room = options.withRoom ?? (<T>(write: () => Promise<T>) => write());
  const { incoming, dropped } = await readJobs(json, options, chunkSize);

  await db.put('meta', { at: (options.now ?? Date.now)(), total: incoming.length }, IMPORT_MARKER);
  try {
    const { counts, written } = await room(() => writeJobs(db, incoming, options, chunkSize));
    return { report: { total: incoming.length, ...counts, dropped }, written };
  } catch (err) {
    // The transaction rolled back: nothing was imported, and there is nothing to report later.
    await db.delete('meta', IMPORT_MARKER).catch(() => {});
    throw err;
  }
}

/**
 * The write: one transaction over `jobs` and `meta`. What is already here is read inside it (the
 * ids in one request, then only the records the file also has), so what it decides cannot be
 * overtaken by another tab's write; the puts go straight to the native store in slices, without
 * a promise per request.
 */
async function writeJobs(
  db: StudioDb,
  incoming: StoredJob[],
  options: StagedImportOptions,
  chunkSize: number,
): Promise<{ counts: Omit<ImportReport, 'total' | 'dropped'>; written: StoredJob[] }> {
  const progress = options.onProgress ?? (() => {});
  const tx = db.transaction(['jobs', 'meta'], 'readwrite');
  // Awaited at the end; caught here so an abort never surfaces as an unhandled rejection.
  tx.done.catch(() => {});
  const jobs = tx.objectStore('jobs');
  const here = new Set(await jobs.getAllKeys());
  const overlap = incoming.filter((job) => here.has(job.id));
  const existing = new Map<string, number>();
  const records = await Promise.all(overlap.map((job) => jobs.get(job.id)));
  records.forEach((record, i) => existing.set(overlap[i]!.id, record?.updatedAt ?? -Infinity));

  const counts = { added: 0, updated: 0, unchanged: 0 };
  const written: StoredJob[] = [];
  const store = unwrap(jobs);
  for (let at = 0; at < incoming.length; at += chunkSize) {
    let last: IDBRequest | undefined;
    for (const job of incoming.slice(at, at + chunkSize)) {
      const before = existing.get(job.id);
      if (before === undefined) counts.added += 1;
      else if (!options.isLocal(job.id) && job.updatedAt > before) counts.updated += 1;
      else {
        counts.unchanged += 1;
        continue;
      }
      written.push(job);
      last = store.put(job);
    }
    // Waiting on the slice's last put keeps the transaction alive and lets the page paint.
    if (last) await settled(last);
    progress({
      phase: 'writing',
      done: Math.min(at + chunkSize, incoming.length),
      total: incoming.length,
    });
  }
  progress({ phase: 'finishing', done: incoming.length, total: incoming.length });
  await tx.objectStore('meta').delete(IMPORT_MARKER);
  await tx.done;
  return { counts, written };
}
