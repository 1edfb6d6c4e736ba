import { useEffect, useState } from 'react';

/** What {@link useLoadedSrc} knows about a picture. */
export interface LoadedSrc {
  /** The newest URL that finished loading (possibly an earlier `src`, e.g. the last preview). */
  url: string | undefined;
  /** The current `src` (and its fallback) failed to load; it is tried again when online. */
  failed: boolean;
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
  useEffect(() => {
    if (!src) return;
    let live = true;
    const give = () => {
      if (live) setFailed(src);
    };
    const load = (url: string, onError: () => void) => {
      const img = new Image();
      img.decoding = 'async';
      img.onload = () => {
        if (!live) return;
        setLoaded(url);
        setFailed(undefined);
      };
      img.onerror = onError;
      img.src = url;
    };
    load(src, () => {
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
