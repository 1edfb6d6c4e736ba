/**
 * Deleting jobs with their cached images, and putting back exactly what a delete removed (Undo):
 * the very records and blobs, from memory, with no refetch and no change of status.
 */
import type { StoredJob } from '../../jobs/job';
import type { CachedImage, CachedThumb, StudioDb } from './schema';

/** What one delete removed: enough to put it all back byte for byte. */
export interface DeletedBatch {
  jobs: StoredJob[];
  blobs: CachedImage[];
  thumbs: CachedThumb[];
  /** The offline cache's opaque copies, held in memory for Undo (put back as they were). */
  offline?: [string, Response][];
}

/** The image (and video clip) URLs a job may have cached. */
export function imageUrlsOf(job: Pick<StoredJob, 'result'>): string[] {
  const r = job.result;
  if (!r) return [];
  const clips = Array.isArray(r.data?.video_urls) ? (r.data.video_urls as unknown[]) : [];
  return [r.raw_image_url, r.image_url, ...(r.sub_image_urls ?? []), ...clips].filter(
    (url): url is string => typeof url === 'string' && url !== '',
  );
}

/** Deletes `ids` and their cached images in one transaction; returns what was removed. */
export async function deleteJobsWithImages(db: StudioDb, ids: string[]): Promise<DeletedBatch> {
  const tx = db.transaction(['jobs', 'blobs', 'thumbs'], 'readwrite');
  const batch: DeletedBatch = { jobs: [], blobs: [], thumbs: [] };
  const jobs = tx.objectStore('jobs');
  const blobs = tx.objectStore('blobs');
  const thumbs = tx.objectStore('thumbs');
  for (const id of ids) {
    const record = await jobs.get(id);
    if (!record) continue;
    batch.jobs.push(record);
    await jobs.delete(id);
    for (const url of imageUrlsOf(record)) {
      const blob = await blobs.get(url);
      if (blob) batch.blobs.push(blob);
      const thumb = await thumbs.get(url);
      if (thumb) batch.thumbs.push(thumb);
      await blobs.delete(url);
      await thumbs.delete(url);
    }
  }
  await tx.done;
  return batch;
}

/** Puts a deleted batch back as it was, in one transaction. */
export async function restoreDeletedBatch(db: StudioDb, batch: DeletedBatch): Promise<void> {
  const tx = db.transaction(['jobs', 'blobs', 'thumbs'], 'readwrite');
  for (const job of batch.jobs) await tx.objectStore('jobs').put(job);
  for (const blob of batch.blobs) await tx.objectStore('blobs').put(blob);
  for (const thumb of batch.thumbs) await tx.objectStore('thumbs').put(thumb);
  await tx.done;
}
