import { useEffect, useState } from 'react';

/** What {@link useLoadedSrc} knows about a picture. */
export interface LoadedSrc {
  /** The newest URL that finished loading (possibly an earlier `src`, e.g. the last preview). */
  url: string | undefined;
  /** The current `src` (and its fallback) failed to load; it is tried again when online. */
  failed: boolean;
}

/** Pictures fetched, by URL, newest last; the oldest are let go past `KEPT`. */
const pictures = new Map<string, Promise<void>>();
const KEPT = 8;

/**
 * Fetches a picture once (a failed one is tried again on the next call), resolving when it has
 * loaded. Fetched with high priority: a live preview is what the person is watching. Not
 * `img.decode()`: in Chromium it resolves with a later frame, which measured a frame slower to
 * the screen than letting the frame that shows the picture decode it.
 */
export function loadPicture(url: string): Promise<void> {
  const known = pictures.get(url);
  if (known) return known;
  const img = new Image();
  img.fetchPriority = 'high';
  const loaded = new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new Error(`${url} did not load`));
    img.src = url;
  });
  pictures.set(url, loaded);
  loaded.catch(() => pictures.delete(url));
  for (const old of pictures.keys()) {
    if (pictures.size <= KEPT) break;
    pictures.delete(old);
  }
  return loaded;
}

/**
 * The newest of the given image URLs that has finished loading. While the next preview downloads
 * the previous one stays on screen, so the picture sharpens in place without flicker. When an
 * image fails (an expired CDN link), `fallback` may offer another URL — the cached copy, or the
 * same link once its copy was mended — once; when that fails too, it says so and tries again
 * when the browser comes back online, and whenever `again` changes (a copy kept, Try again).
 */
export function useLoadedSrc(
  src: string | undefined,
  fallback?: () => Promise<string | undefined>,
  again = 0,
): LoadedSrc {
  const [loaded, setLoaded] = useState<string | undefined>(undefined);
  const [failed, setFailed] = useState<string | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  // Started while rendering, not after the commit: a new preview's fetch begins in the same task
  // as the line that named it. Idempotent (one load per URL), so a second render changes nothing.
  if (src) void loadPicture(src).catch(() => {});
  useEffect(() => {
    if (!src) return;
    let live = true;
    const give = () => {
      if (live) setFailed(src);
    };
    const load = (url: string, onError: () => void) =>
      loadPicture(url).then(() => {
        if (!live) return;
        setLoaded(url);
        setFailed(undefined);
      }, onError);
    void load(src, () => {
      if (!fallback) return give();
      void fallback().then((other) => (live && other ? load(other, give) : give()), give);
    });
    return () => {
      live = false;
    };
    // The fallback is looked up only for a new src; a new function identity alone changes nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [src, attempt, again]);
  useEffect(() => {
    if (!src || failed !== src) return;
    // A picture lost to a dropped network comes back with the network, without a reload.
    const again = () => setAttempt((n) => n + 1);
    window.addEventListener('online', again);
    return () => window.removeEventListener('online', again);
  }, [src, failed]);
  return { url: src ? loaded : undefined, failed: !!src && failed === src };
}
