/**
 * How much this device keeps, pictures and video clips counted apart: clips are large (a set of
 * four is megabytes), so the storage summary names them on their own line.
 */
import type { CachedImage, StudioDb } from '../repository/schema';
import { isClip } from './image-cache';

/** A count of kept copies and their bytes. */
export interface KeptTally {
  count: number;
  bytes: number;
}

/** The readable copies kept on this device (IndexedDB blobs), by kind. */
export interface KeptUsage {
  images: KeptTally;
  clips: KeptTally;
}

/** Tallies kept copies by kind (a clip by its type or its `.mp4` link). */
export function tallyKept(
  records: Iterable<Pick<CachedImage, 'url' | 'blob' | 'size'>>,
): KeptUsage {
  const usage: KeptUsage = { images: { count: 0, bytes: 0 }, clips: { count: 0, bytes: 0 } };
  for (const { url, blob, size } of records) {
    const tally = isClip(blob, url) ? usage.clips : usage.images;
    tally.count += 1;
    tally.bytes += size;
  }
  return usage;
}

/**
 * The kept copies in the studio's database, pictures and clips apart. Walks the records with a
 * cursor: a record's blob is a handle, so its bytes are not read.
 */
export async function keptUsage(db: StudioDb): Promise<KeptUsage> {
  const records: Pick<CachedImage, 'url' | 'blob' | 'size'>[] = [];
  let cursor = await db.transaction('blobs').store.openCursor();
  while (cursor) {
    const { url, blob, size } = cursor.value;
    records.push({ url, blob, size });
    cursor = await cursor.continue();
  }
  return tallyKept(records);
}
