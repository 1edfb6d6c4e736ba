import sharp, { type KernelEnum, type Sharp } from 'sharp';

/** Raw 8-bit RGB pixels, row-major, 3 bytes a pixel, no padding. */
export interface Raw {
  data: Buffer;
  width: number;
  height: number;
}

/** PNG settings: speed first (grids are 4 MP and served locally); still lossless. */
const PNG_OPTIONS = { compressionLevel: 2, adaptiveFiltering: false } as const;

/** A blank (black) image. */
export function blankRaw(width: number, height: number): Raw {
  return { data: Buffer.alloc(width * height * 3), width, height };
}

/** Wraps raw pixels for sharp. */
export function sharpRaw(raw: Raw): Sharp {
  return sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: 3 } });
}

/**
 * Runs a sharp pipeline and reads its pixels as RGB. Transparency is flattened onto black so
 * a transparent mask with white strokes reads as "keep" everywhere but the strokes.
 */
export async function rawFrom(pipeline: Sharp): Promise<Raw> {
  const { data, info } = await pipeline
    .flatten({ background: '#000000' })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels === 3) return { data, width: info.width, height: info.height };
  // Defensive: libvips keeps 1-band greyscale for some inputs; widen to RGB.
  const out = Buffer.alloc(info.width * info.height * 3);
  for (let i = 0, j = 0; j < out.length; i += info.channels, j += 3) {
    const v = data[i] ?? 0;
    out[j] = v;
    out[j + 1] = info.channels >= 3 ? (data[i + 1] ?? 0) : v;
    out[j + 2] = info.channels >= 3 ? (data[i + 2] ?? 0) : v;
  }
  return { data: out, width: info.width, height: info.height };
}

/** Reads a pipeline that starts from our own RGB raw pixels (no colour handling needed). */
export async function rawOut(pipeline: Sharp): Promise<Raw> {
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new Error(`expected RGB, got ${info.channels} channels`);
  return { data, width: info.width, height: info.height };
}

/** Decodes any image sharp reads (JPEG, PNG, WebP, GIF, AVIF, TIFF, SVG), EXIF-oriented. */
export function decodeRaw(bytes: Buffer): Promise<Raw> {
  return rawFrom(sharp(bytes).autoOrient());
}

/** Encodes lossless PNG. */
export function encodePng(raw: Raw): Promise<Buffer> {
  return sharpRaw(raw).png(PNG_OPTIONS).toBuffer();
}

/** Applies sharp's PNG settings to a pipeline. */
export function toPng(pipeline: Sharp): Promise<Buffer> {
  return pipeline.png(PNG_OPTIONS).toBuffer();
}

/** Resamples to an exact size (aspect not kept). */
export function resizeRaw(
  raw: Raw,
  width: number,
  height: number,
  kernel: keyof KernelEnum = 'lanczos3',
): Promise<Raw> {
  if (raw.width === width && raw.height === height) return Promise.resolve(raw);
  return rawOut(sharpRaw(raw).resize(width, height, { fit: 'fill', kernel }));
}

/** Blurs with a Gaussian of the given sigma, cheaply: shrink, blur, grow back. */
export async function softBlur(raw: Raw, sigma: number): Promise<Raw> {
  const shrink = Math.max(1, Math.min(8, Math.floor(sigma / 3)));
  const w = Math.max(1, Math.round(raw.width / shrink));
  const h = Math.max(1, Math.round(raw.height / shrink));
  const small = await rawOut(
    sharpRaw(raw)
      .resize(w, h, { fit: 'fill', kernel: 'linear' })
      .blur(Math.max(0.3, sigma / shrink)),
  );
  return resizeRaw(small, raw.width, raw.height, 'cubic');
}

/** Copies `src` into `dst` with its top-left corner at (left, top); clips at the edges. */
export function blit(dst: Raw, src: Raw, left: number, top: number): void {
  const x0 = Math.max(0, left);
  const x1 = Math.min(dst.width, left + src.width);
  if (x1 <= x0) return;
  for (let y = Math.max(0, top); y < Math.min(dst.height, top + src.height); y++) {
    const s = ((y - top) * src.width + (x0 - left)) * 3;
    src.data.copy(dst.data, (y * dst.width + x0) * 3, s, s + (x1 - x0) * 3);
  }
}

/** Copies a rectangle out of an image. */
export function cropRaw(raw: Raw, left: number, top: number, width: number, height: number): Raw {
  const out = blankRaw(width, height);
  blit(out, raw, -left, -top);
  return out;
}

/** Tiles four equally sized images 2×2 (1 TL, 2 TR, 3 BL, 4 BR). */
export function gridOf(quadrants: readonly Raw[]): Raw {
  const first = quadrants[0];
  if (!first || quadrants.length !== 4) throw new RangeError('a grid needs four quadrants');
  const out = blankRaw(first.width * 2, first.height * 2);
  quadrants.forEach((q, i) =>
    blit(out, q, (i % 2) * first.width, Math.floor(i / 2) * first.height),
  );
  return out;
}

/**
 * Doubles an image's size with bilinear weights (¾ nearest, ¼ neighbour on each axis) and writes
 * it into `dst` at (left, top). Done in JS: for this one fixed ratio a plain loop is several
 * times cheaper than a general resampler, and it lands straight in the grid.
 */
export function upsample2xInto(src: Raw, dst: Raw, left: number, top: number): void {
  const { width: w, height: h, data: s } = src;
  const out = new Uint8ClampedArray(dst.data.buffer, dst.data.byteOffset, dst.data.byteLength);
  const row = new Float32Array(w * 3);
  for (let oy = 0; oy < h * 2; oy++) {
    const y = oy >> 1;
    const ny = oy & 1 ? Math.min(h - 1, y + 1) : Math.max(0, y - 1);
    const a = y * w * 3;
    const b = ny * w * 3;
    for (let i = 0; i < w * 3; i++) row[i] = 0.75 * s[a + i]! + 0.25 * s[b + i]!;
    let o = ((top + oy) * dst.width + left) * 3;
    for (let x = 0; x < w; x++) {
      const c = x * 3;
      const l = Math.max(0, x - 1) * 3;
      const r = Math.min(w - 1, x + 1) * 3;
      out[o] = 0.75 * row[c]! + 0.25 * row[l]!;
      out[o + 1] = 0.75 * row[c + 1]! + 0.25 * row[l + 1]!;
      out[o + 2] = 0.75 * row[c + 2]! + 0.25 * row[l + 2]!;
      out[o + 3] = 0.75 * row[c]! + 0.25 * row[r]!;
      out[o + 4] = 0.75 * row[c + 1]! + 0.25 * row[r + 1]!;
      out[o + 5] = 0.75 * row[c + 2]! + 0.25 * row[r + 2]!;
      o += 6;
    }
  }
}
