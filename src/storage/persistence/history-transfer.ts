/**
 * Export and import of the whole history (the history file). Both load their code on first use:
 * a start needs neither.
 */
import type { JobsSink } from '../../jobs/jobs-sink';
import type { KindRegistry } from '../../jobs/kind';
import type { ImportProgress, ImportReport } from '../history-file/staged-import';
import type { JobRepository } from '../repository/job-repository';
import type { StudioDb } from '../repository/schema';
import type { TabChannel } from '../tab-sync/channel';
import { noKinds } from './persistence-options';

/** What an export or import reaches. */
export interface HistoryTransferDeps {
  db(): Promise<StudioDb>;
  repository: Pick<JobRepository, 'all'>;
  sink: JobsSink;
  channel: Pick<TabChannel, 'changed'>;
  isLocal(id: string): boolean;
  now(): number;
  /** Runs a write, making room in storage when it is full. */
  withRoom<T>(write: () => Promise<T>, size: number): Promise<T>;
  kinds?: KindRegistry;
  importChunk?: number;
}

/** The whole history as versioned JSON (no previews, no token). */
export async function exportHistory(deps: HistoryTransferDeps): Promise<string> {
  const { historyFileJson } = await import('../history-file/history-file');
  return historyFileJson(await deps.repository.all(), deps.now());
}

/** Merges an export into the history, in chunks, all or nothing (see `Persistence`). */
export async function importHistory(
  deps: HistoryTransferDeps,
  file: string | Blob,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportReport> {
  const { checkImportSize } = await import('../history-file/history-file');
  if (typeof file !== 'string') checkImportSize(file.size);
  const json = typeof file === 'string' ? file : await file.text();
  const d = await deps.db();
  const { stagedImport } = await import('../history-file/staged-import');
  const { report, written } = await stagedImport(d, json, {
    isLocal: deps.isLocal,
    now: deps.now,
    kinds: deps.kinds ?? noKinds(),
    ...(deps.importChunk ? { chunkSize: deps.importChunk } : {}),
    ...(onProgress ? { onProgress } : {}),
    withRoom: (write) => deps.withRoom(write, json.length * 2),
  });
  deps.sink.merge(written);
  deps.channel.changed(written.map((j) => j.id));
  return report;
}
