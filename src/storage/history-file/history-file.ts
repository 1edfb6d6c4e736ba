/**
 * The history file: versioned JSON of every job (no previews, no token). Reading one is in
 * `read-history` (loaded only with the importer).
 */
import { MessageError, type Msg } from '../../api/message';
import { toStoredJob, type StoredJob } from '../../jobs/job';
import { storageMsg } from '../storage-codes';

/** `format` of an export file. */
export const EXPORT_FORMAT = 'imagine-studio-history';
/**
 * Version of the export file layout. 2: notes and studio-made errors are messages (codes), not
 * sentences; a version 1 file is read through the migration (`migrations/legacy-text.ts`).
 */
export const EXPORT_VERSION = 2;
/** The largest file an import reads (a bigger one could exhaust the tab's memory). */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
/** How imported jobs are delivered if retried: the file's choice is never used. */
export const IMPORTED_DELIVERY = 'stream';

/** A history file that cannot be imported; `reason` says why, for the person. */
export class HistoryImportError extends MessageError {
  constructor(reason: Msg) {
    super(reason);
    this.name = 'HistoryImportError';
  }
}

/** A read file: its jobs (last copy of each id wins) and the fields dropped, with counts. */
export interface HistoryFileContents {
  jobs: StoredJob[];
  /** e.g. `{ 'request.callback_url': 2, delivery: 5 }`. */
  dropped: Record<string, number>;
}

/** The whole history as versioned JSON. */
export function historyFileJson(jobs: readonly StoredJob[], now: number): string {
  return JSON.stringify({
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    jobs: jobs.map((job) => toStoredJob(job)),
  });
}

/** Refuses a file over the cap before anything is read. */
export function checkImportSize(bytes: number): void {
  if (bytes > MAX_IMPORT_BYTES) {
    const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
    throw new HistoryImportError(
      storageMsg('history.too-big', { size: mb(bytes), limit: mb(MAX_IMPORT_BYTES) }),
    );
  }
}
