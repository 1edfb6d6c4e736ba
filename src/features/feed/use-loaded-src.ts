import { useEffect, useState } from 'react';

/**
 * The newest of the given image URLs that has finished loading. While the next preview downloads
 * the previous one stays on screen, so the picture sharpens in place without flicker. When an
 * image fails (an expired CDN link), `fallback` may offer another URL — the cached copy — once.
 */
export function useLoadedSrc(
  src: string | undefined,
  fallback?: () => Promise<string | undefined>,
): string | undefined {
  const [loaded, setLoaded] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!src) return;
    let live = true;
    const load = (url: string, onError?: () => void) => {
      const img = new Image();
      img.decoding = 'async';
      img.onload = () => {
        if (live) setLoaded(url);
      };
      if (onError) img.onerror = onError;
      img.src = url;
    };
    load(src, () => {
      if (!fallback) return;
      void fallback().then((other) => {
        if (live && other && other !== src) load(other);
      });
    });
    return () => {
      live = false;
    };
    // The fallback is looked up only for a new src; a new function identity alone changes nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [src]);
  return src ? loaded : undefined;
}
