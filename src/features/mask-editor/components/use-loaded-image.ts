import { useEffect, useState } from 'react';

/** Loading state of the picture under the mask. */
export type LoadedImage =
  | { status: 'loading'; element: null }
  | { status: 'ready'; element: HTMLImageElement }
  | { status: 'error'; element: null };

/**
 * Loads the image to paint on. No `crossOrigin`: the picture is only displayed, never read back
 * (the mask is exported from the model raster), so a CDN without CORS headers still works.
 */
export function useLoadedImage(url: string): LoadedImage {
  const [loaded, setLoaded] = useState<{ url: string; result: LoadedImage } | null>(null);

  useEffect(() => {
    const img = new window.Image();
    let live = true;
    img.onload = () => live && setLoaded({ url, result: { status: 'ready', element: img } });
    img.onerror = () => live && setLoaded({ url, result: { status: 'error', element: null } });
    img.src = url;
    return () => {
      live = false;
      img.onload = null;
      img.onerror = null;
    };
  }, [url]);

  return loaded && loaded.url === url ? loaded.result : { status: 'loading', element: null };
}
