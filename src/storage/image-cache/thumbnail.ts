/**
 * Small copies of cached images for gallery tiles: a 2048² image decodes to 16 MB, a 512² one to
 * 1 MB. Made with createImageBitmap's resize (off the main thread's decode path) and an
 * OffscreenCanvas when there is one, else a canvas element.
 */

/** Longest side of a thumbnail, in pixels. */
export const THUMB_MAX_EDGE = 512;

/** A thumbnail's bytes and size. */
export interface Thumbnail {
  blob: Blob;
  width: number;
  height: number;
}

/** The size that fits `width × height` within `maxEdge` on its long side (never enlarged). */
export function fitWithin(
  width: number,
  height: number,
  maxEdge: number = THUMB_MAX_EDGE,
): { width: number; height: number } {
  const scale = Math.min(1, maxEdge / Math.max(width, height, 1));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/** Null where the browser cannot decode or draw off-screen (jsdom); the full image is used. */
export async function makeThumbnail(
  blob: Blob,
  maxEdge: number = THUMB_MAX_EDGE,
): Promise<Thumbnail | null> {
  if (typeof createImageBitmap !== 'function') return null;
  try {
    const probe = await createImageBitmap(blob);
    const size = fitWithin(probe.width, probe.height, maxEdge);
    probe.close();
    const bitmap = await createImageBitmap(blob, {
      resizeWidth: size.width,
      resizeHeight: size.height,
      resizeQuality: 'medium',
    });
    try {
      if (typeof OffscreenCanvas === 'function') {
        const canvas = new OffscreenCanvas(size.width, size.height);
        canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
        const out = await canvas.convertToBlob({ type: 'image/webp', quality: 0.85 });
        return { blob: out, ...size };
      }
      const canvas = document.createElement('canvas');
      canvas.width = size.width;
      canvas.height = size.height;
      canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
      const out = await new Promise<Blob | null>((resolve) =>
        canvas.toBlob(resolve, 'image/webp', 0.85),
      );
      return out ? { blob: out, ...size } : null;
    } finally {
      bitmap.close();
    }
  } catch {
    return null;
  }
}
