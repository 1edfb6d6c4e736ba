/**
 * Deleting jobs with an undo: what a delete removed (records, picture copies, thumbnails,
 * offline copies) stays in memory for the undo window, and an undo puts back exactly that.
 */
import type { StoredJob } from '../../jobs/job';
import type { JobsSink } from '../../jobs/jobs-sink';
import type { ImageCache } from '../image-cache/image-cache';
import {
  deleteJobsWithImages,
  imageUrlsOf,
  restoreDeletedBatch,
  type DeletedBatch,
} from '../repository/deletions';
import type { StudioDb } from '../repository/schema';
import type { TabChannel } from '../tab-sync/channel';

/** What deletes reach. */
export interface UndoDeleteDeps {
  db(): Promise<StudioDb>;
  images: Pick<ImageCache, 'forget' | 'dropOffline' | 'restoreOffline'>;
  sink: JobsSink;
  channel: Pick<TabChannel, 'changed' | 'deleted'>;
  /** How long a delete can be undone. */
  undoMs: number;
}

/** Deletes and their undo (see `Persistence.deleteJobs`, `restoreDeleted`, `forgetDeleted`). */
export interface UndoDelete {
  deleteJobs(ids: string[]): Promise<void>;
  restoreDeleted(ids: string[]): Promise<StoredJob[]>;
  forgetDeleted(ids: string[]): void;
  /** True while a delete of this job can still be undone. */
  isDeleted(id: string): boolean;
  /** Drops every undo (the tab closes). */
  close(): void;
}

/** The deletes of one tab. */
export function createUndoDelete(deps: UndoDeleteDeps): UndoDelete {
  const { images, sink, channel } = deps;
  /** What recent deletes removed, by job id, until undone or the window closes. */
  const deletedById = new Map<
    string,
    { batch: DeletedBatch; timer: ReturnType<typeof setTimeout> }
  >();

  function forgetDeleted(ids: string[]): void {
    for (const id of ids) {
      const kept = deletedById.get(id);
      if (kept) clearTimeout(kept.timer);
      deletedById.delete(id);
    }
  }

  /** The parts of the batches that removed `ids` that belong to those jobs. */
  function batchOf(ids: string[]): Required<DeletedBatch> {
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
    return batch;
  }

  return {
    async deleteJobs(ids) {
      if (ids.length === 0) return;
      const batch = await deleteJobsWithImages(await deps.db(), ids);
      const urls = batch.jobs.flatMap(imageUrlsOf);
      images.forget(urls);
      batch.offline = await images.dropOffline(urls);
      forgetDeleted(ids);
      const timer = setTimeout(() => forgetDeleted(ids), deps.undoMs);
      for (const id of ids) deletedById.set(id, { batch, timer });
      sink.remove(ids);
      channel.deleted(ids);
    },

    async restoreDeleted(ids) {
      const batch = batchOf(ids);
      if (batch.jobs.length === 0) return [];
      await restoreDeletedBatch(await deps.db(), batch);
      await images.restoreOffline(batch.offline);
      forgetDeleted(ids);
      sink.merge(batch.jobs);
      channel.changed(batch.jobs.map((j) => j.id));
      return batch.jobs;
    },

    forgetDeleted,
    isDeleted: (id) => deletedById.has(id),

    close() {
      for (const { timer } of deletedById.values()) clearTimeout(timer);
      deletedById.clear();
    },
  };
}
