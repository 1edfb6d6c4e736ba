/**
 * The offline cache's copies (Cache Storage, answered by the service worker) of a deleted job's
 * pictures: taken out with the job, and put back by Undo.
 */

/** Deletes the offline copies of `urls`; returns them, so Undo can put them back. */
export async function dropOffline(
  pictureCache: (() => Promise<Cache>) | undefined,
  urls: string[],
): Promise<[string, Response][]> {
  const dropped: [string, Response][] = [];
  if (!pictureCache || urls.length === 0) return dropped;
  try {
    const offline = await pictureCache();
    for (const url of urls) {
      const copy = await offline.match(url);
      if (copy && (await offline.delete(url))) dropped.push([url, copy]);
    }
  } catch {
    // Cache Storage unreadable: nothing there to delete.
  }
  return dropped;
}

/** Puts back what `dropOffline` removed. */
export async function restoreOffline(
  pictureCache: (() => Promise<Cache>) | undefined,
  entries: [string, Response][],
): Promise<void> {
  if (!pictureCache || entries.length === 0) return;
  const offline = await pictureCache();
  // An error status is never kept as a copy (an opaque one hides its status: it was checked).
  for (const [url, copy] of entries) {
    if (copy.type === 'opaque' || copy.ok) await offline.put(url, copy);
  }
}
