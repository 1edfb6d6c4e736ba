/**
 * Turns the model raster into the string the API wants: base64 of an opaque white-on-black image
 * of exactly width × height, without a `data:` prefix. It reads only the raster, never the Konva
 * stage, so the result does not depend on zoom, pan or device pixel ratio.
 */

/** Image formats the mask can be sent as: JPEG is what the provider's guide sends. */
export type MaskFormat = 'jpeg' | 'png';

/** JPEG quality used for masks (the provider's guide uses a library default of the same order). */
export const JPEG_QUALITY = 0.92;

/** Expands a 0/255 byte-per-pixel mask to opaque RGBA (white = redraw, black = keep). */
export function maskToRgba(bytes: Uint8Array, width: number, height: number): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(width * height * 4);
  writeRgba(bytes, width, height, rgba);
  return rgba;
}

/**
 * Writes the mask as opaque RGBA into `rgba` (width × height × 4 bytes). One 32-bit store a
 * pixel: four byte stores a pixel made this a fifth of a 2048² export.
 */
function writeRgba(bytes: Uint8Array, width: number, height: number, rgba: Uint8ClampedArray) {
  if (bytes.length !== width * height) {
    throw new Error(`mask has ${bytes.length} bytes, expected ${width}×${height}`);
  }
  const pixels = new Uint32Array(rgba.buffer, rgba.byteOffset, bytes.length);
  // RGBA bytes read as one 32-bit word in the platform's byte order.
  const little = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
  const white = 0xffffffff;
  const black = little ? 0xff000000 : 0x000000ff;
  for (let i = 0; i < bytes.length; i++) pixels[i] = bytes[i] ? white : black;
}

/** Base64 of a blob's bytes, with no `data:` prefix. */
export async function blobToBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  // The native encoder where the browser has it (Chromium 140+, Firefox 133+): several times faster.
  const native = (bytes as { toBase64?: () => string }).toBase64;
  if (typeof native === 'function') return native.call(bytes);
  let binary = '';
  // Chunked so String.fromCharCode never gets more arguments than the engine allows.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

type Canvas2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

function makeCanvas(
  width: number,
  height: number,
): {
  ctx: Canvas2D;
  toBlob: (type: string, quality?: number) => Promise<Blob>;
} {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('2D canvas is not available');
    return { ctx, toBlob: (type, quality) => canvas.convertToBlob({ type, quality }) };
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas is not available');
  return {
    ctx,
    toBlob: (type, quality) =>
      new Promise((resolve, reject) =>
        canvas.toBlob(
          (b) => (b ? resolve(b) : reject(new Error('could not encode the mask'))),
          type,
          quality,
        ),
      ),
  };
}

/** Encodes the raster as JPEG (default) or PNG and returns plain base64. Browser or worker. */
export async function encodeMask(
  bytes: Uint8Array,
  width: number,
  height: number,
  format: MaskFormat = 'jpeg',
): Promise<string> {
  const { ctx, toBlob } = makeCanvas(width, height);
  const image = ctx.createImageData(width, height);
  writeRgba(bytes, width, height, image.data);
  ctx.putImageData(image, 0, 0);
  const blob =
    format === 'png' ? await toBlob('image/png') : await toBlob('image/jpeg', JPEG_QUALITY);
  return blobToBase64(blob);
}
