import { OVERLAY_RGB } from './draft-paint';

/** A canvas of exactly the image size that shows the model raster. */
export function createMaskBitmap(width: number, height: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

/**
 * Paints the raster into the bitmap: as the coloured overlay (region opaque, rest transparent) or,
 * with `showMask`, as the opaque black-and-white image that will be sent — the same bytes
 * export-mask encodes, so what is shown is what is sent.
 */
export function paintMaskBitmap(canvas: HTMLCanvasElement, raster: Uint8Array, showMask: boolean) {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const img = ctx.createImageData(canvas.width, canvas.height);
  const d = img.data;
  const [r, g, b] = showMask ? [255, 255, 255] : OVERLAY_RGB;
  const offAlpha = showMask ? 255 : 0;
  for (let i = 0, o = 0; i < raster.length; i++, o += 4) {
    if (raster[i]) {
      d[o] = r;
      d[o + 1] = g;
      d[o + 2] = b;
      d[o + 3] = 255;
    } else {
      d[o + 3] = offAlpha; // r, g, b stay 0: black, or fully transparent
    }
  }
  ctx.putImageData(img, 0, 0);
}
