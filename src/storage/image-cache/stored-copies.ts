/**
 * The copies already kept, as storage has them: in IndexedDB (blobs) or in the offline cache
 * (Cache Storage), whether one still decodes, and removing one.
 */
import type { ImageCacheOptions } from './cache-options';
import { pictureCheckUrl, type KeptCopy } from './kept-copy';

/** Where the copies are. */
export type CopyStores = Pick<ImageCacheOptions, 'db' | 'pictureCache' | 'decodes'>;

/** The copy already stored (IndexedDB or Cache Storage), if any. */
export async function storedCopy(options: CopyStores, url: string): Promise<KeptCopy | null> {
  try {
    const record = await (await options.db()).get('blobs', url);
    if (record) return { kind: record.via ?? 'blob' };
    if (options.pictureCache && (await (await options.pictureCache()).match(url)))
      return { kind: 'offline' };
  } catch {
    // Unreadable storage: no copy.
  }
  return null;
}

/** Every URL with a stored copy (IndexedDB and Cache Storage), read in two bulk reads. */
export async function storedUrls(options: CopyStores): Promise<Set<string>> {
  const urls = new Set<string>();
  try {
    for (const key of await (await options.db()).getAllKeys('blobs')) urls.add(String(key));
    if (options.pictureCache) {
      for (const request of await (await options.pictureCache()).keys()) urls.add(request.url);
    }
  } catch {
    // Unreadable storage: everything counts as missing, and keep() finds out per picture.
  }
  return urls;
}

/** Does the stored copy of `url` decode? null: cannot tell here. */
export async function copyDecodes(
  options: CopyStores,
  url: string,
  kind: KeptCopy['kind'],
): Promise<boolean | null> {
  if (!options.decodes) return null;
  if (kind === 'offline') return options.decodes(pictureCheckUrl(url, 'kept'));
  const record = await (await options.db()).get('blobs', url);
  if (!record) return null;
  const probe = URL.createObjectURL(record.blob);
  try {
    return await options.decodes(probe);
  } finally {
    URL.revokeObjectURL(probe);
  }
}

/** Removes the kept copy of `url` (and its thumbnail); `forget` revokes its object URLs. */
export async function removeCopy(
  options: CopyStores,
  url: string,
  kind: KeptCopy['kind'],
  forget: (urls: string[]) => void,
): Promise<void> {
  if (kind === 'offline') {
    await (await options.pictureCache?.())?.delete(url);
    return;
  }
  const tx = (await options.db()).transaction(['blobs', 'thumbs'], 'readwrite');
  await Promise.all([tx.objectStore('blobs').delete(url), tx.objectStore('thumbs').delete(url)]);
  await tx.done;
  forget([url]);
}
