/**
 * The history file: versioned JSON of every job (no previews, no token). Reading one validates
 * every job, rebuilds its request (see `rebuild-request`) and counts what was dropped.
 */
import { z } from 'zod/mini';
import { isJobActive, storedJobSchema, toStoredJob, type StoredJob } from '../job';
import { fileFieldsFor, rebuildImagineRequest } from './rebuild-request';

/** `format` of an export file. */
export const EXPORT_FORMAT = 'imagine-studio-history';
/** Version of the export file layout. */
export const EXPORT_VERSION = 1;
/** The largest file an import reads (a bigger one could exhaust the tab's memory). */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
/** How imported jobs are delivered if retried: the file's choice is never used. */
export const IMPORTED_DELIVERY = 'stream';

/** A history file that cannot be imported; `message` says why, for the person. */
export class HistoryImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HistoryImportError';
  }
}

/** A read file: its jobs (last copy of each id wins) and the fields dropped, with counts. */
export interface HistoryFileContents {
  jobs: StoredJob[];
  /** e.g. `{ 'request.callback_url': 2, delivery: 5 }`. */
  dropped: Record<string, number>;
}

const exportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.int().check(z.minimum(1)),
  exportedAt: z.optional(z.string()),
  jobs: z.array(z.unknown()),
});

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
      `This file is ${mb(bytes)}; history files up to ${mb(MAX_IMPORT_BYTES)} can be imported. Split the export or delete old jobs before exporting.`,
    );
  }
}

/** Parses the file's header, or says clearly why it is not a history file. */
export function readHistoryHeader(json: string): unknown[] {
  checkImportSize(json.length);
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
  return file.data.jobs;
}

/** One job of a file, rebuilt and validated; `index` is only for the message. */
export function readHistoryJob(
  item: unknown,
  index: number,
  dropped: Record<string, number>,
): StoredJob {
  const record = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
  const rebuilt = rebuildImagineRequest(record.request, fileFieldsFor(record.kind));
  for (const key of rebuilt.dropped)
    dropped[`request.${key}`] = (dropped[`request.${key}`] ?? 0) + 1;
  if (record.delivery !== undefined && record.delivery !== IMPORTED_DELIVERY) {
    dropped.delivery = (dropped.delivery ?? 0) + 1;
  }
  const parsed = storedJobSchema.safeParse({
    ...record,
    request: rebuilt.request,
    delivery: IMPORTED_DELIVERY,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'job';
    const id = record.id;
    throw new HistoryImportError(
      `This history file is damaged: job ${index + 1}${typeof id === 'string' ? ` (${id})` : ''} has an invalid ${where}: ${issue?.message ?? 'unknown problem'}. Nothing was imported.`,
    );
  }
  const job = parsed.data;
  // A job that was in flight elsewhere cannot be running here; let the person check it.
  return isJobActive(job)
    ? {
        ...job,
        status: 'stalled',
        note: 'Imported while it was still in progress; use Check again to look it up.',
      }
    : job;
}

/** "2 callback_url, 5 delivery": what an import report says was dropped. */
export function describeDropped(dropped: Record<string, number>): string {
  return Object.entries(dropped)
    .map(([field, n]) => `${field.replace(/^request\./, '')} (${n.toLocaleString()})`)
    .join(', ');
}
