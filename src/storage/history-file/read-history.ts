/**
 * Reading a history file: validates every job, rebuilds its request from the fields its kind
 * knows (the kinds' `rebuildRequest`, the same rebuild Retry uses) and counts what was dropped.
 * Loaded with the importer only, not at start.
 */
import { z } from 'zod/mini';
import { isJobActive, type StoredJob } from '../../jobs/job';
import { storedJobSchema } from '../repository/stored-job-schema';
import type { KindRegistry } from '../../jobs/kind';
import { rebuildRequest } from '../../jobs/rebuild-request';
import { jobMsg } from '../../jobs/job-codes';
import { storageMsg } from '../storage-codes';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  HistoryImportError,
  IMPORTED_DELIVERY,
  checkImportSize,
} from './history-file';

const exportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.int().check(z.minimum(1)),
  exportedAt: z.optional(z.string()),
  jobs: z.array(z.unknown()),
});

/** A history file's jobs, not read yet, and the format version they were written in. */
export interface HistoryHeader {
  version: number;
  jobs: unknown[];
}

/** Parses the file's header, or says clearly why it is not a history file. */
export function readHistoryHeader(json: string): HistoryHeader {
  checkImportSize(json.length);
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new HistoryImportError(storageMsg('history.not-json'));
  }
  const file = exportFileSchema.safeParse(raw);
  if (!file.success) {
    const format = (raw as { format?: unknown } | null)?.format;
    throw new HistoryImportError(
      storageMsg(format === EXPORT_FORMAT ? 'history.damaged' : 'history.not-export'),
    );
  }
  if (file.data.version > EXPORT_VERSION) {
    throw new HistoryImportError(storageMsg('history.newer', { version: file.data.version }));
  }
  return { version: file.data.version, jobs: file.data.jobs };
}

/** "3", " (abc)": where a message points in the file (job `n`, with its id when it has one). */
function jobRef(index: number, id: unknown): { n: number; id: string } {
  return { n: index + 1, id: typeof id === 'string' ? ` (${id})` : '' };
}

/**
 * One job of a file, rebuilt by its kind and validated; `index` is only for the message. A kind
 * this studio does not know refuses the file: its request could be neither checked nor retried.
 */
export function readHistoryJob(
  item: unknown,
  index: number,
  dropped: Record<string, number>,
  kinds: KindRegistry,
): StoredJob {
  const record = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
  const kindName = typeof record.kind === 'string' ? record.kind : kinds.fallback;
  const kind = kinds.get(kindName);
  if (!kind) {
    throw new HistoryImportError(
      storageMsg('history.unknown-kind', {
        ...jobRef(index, record.id),
        kind: kindName.slice(0, 40),
      }),
    );
  }
  const rebuilt = rebuildRequest(kind, record.request, { reportTransport: true });
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
    throw new HistoryImportError(
      storageMsg('history.invalid-job', {
        ...jobRef(index, record.id),
        where,
        // The schema's own words (zod's), as data.
        problem: issue?.message ?? 'unknown problem',
      }),
    );
  }
  const job = parsed.data;
  // A job that was in flight elsewhere cannot be running here; let the person check it.
  return isJobActive(job)
    ? {
        ...job,
        status: 'stalled',
        note: jobMsg('job.imported-running'),
      }
    : job;
}
