/** Making room: the oldest kept pictures and clips (and their thumbnails) go first. */
import type { StudioDb } from '../repository/schema';
import type { Evicted } from './room';
import { isClipUrl } from './kept-copy';

/** A cached video clip (kept in the same store as pictures, keyed by its URL too). */
export function isClip(blob: Blob, url = ''): boolean {
  return blob.type.startsWith('video/') || isClipUrl(url);
}

/**
 * Deletes the oldest cached images and clips until `bytes` are freed (keeping `keep`), revoking
 * their object URLs through `forget`; returns how many of each went.
 */
export async function evict(
  db: () => Promise<StudioDb>,
  forget: (urls: string[]) => void,
  bytes: number,
  keep?: string,
): Promise<Evicted> {
  const tx = (await db()).transaction(['blobs', 'thumbs'], 'readwrite');
  let freed = 0;
  const count: Required<Evicted> = { images: 0, clips: 0, relayed: 0, thumbs: 0 };
  let cursor = await tx.objectStore('blobs').index('storedAt').openCursor();
  while (cursor && freed < bytes) {
    const { url, size, blob, via } = cursor.value;
    if (url !== keep) {
      freed += size;
      if (isClip(blob, url)) count.clips += 1;
      else count.images += 1;
      if (via === 'relay' && !isClip(blob, url)) count.relayed += 1;
      forget([url]);
      const thumbs = tx.objectStore('thumbs');
      if ((await thumbs.count(url)) > 0) count.thumbs += 1;
      await thumbs.delete(url);
      await cursor.delete();
    }
    cursor = await cursor.continue();
  }
  await tx.done;
  return count;
}
