import { useEffect, useState } from 'react';

/**
 * The newest of the given image URLs that has finished loading. While the next preview downloads
 * the previous one stays on screen, so the picture sharpens in place without flicker.
 */
export function useLoadedSrc(src: string | undefined): string | undefined {
  const [loaded, setLoaded] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!src) return;
    let live = true;
    const img = new Image();
    img.decoding = 'async';
    img.onload = () => {
      if (live) setLoaded(src);
    };
    img.src = src;
    return () => {
      live = false;
    };
  }, [src]);
  return src ? loaded : undefined;
}
