/**
 * Post-upscale actions on real pixels, beside the engine's existing ones (reference
 * other-endpoints §9.1; all Nexior-only and UNCERTAIN there):
 * - `square` (Make Square): a non-square image outpainted to 1:1, its own pixels kept exactly
 *   in the middle and the new bands grown from its edges by the same outpainter as zoom/pan;
 * - `upscale_subtle`: exactly 2× each side, a faithful Lanczos resample;
 * - `upscale_creative`: exactly 2× each side, the resample plus visible new fine detail
 *   (sharpened edges and a seeded texture that follows the image's own light);
 * - the redo actions are these same operations done again on the image that was upscaled
 *   (not on the upscale): `redo_upscale_subtle` gives the same bytes (there is nothing random in
 *   a faithful resample); `redo_upscale_creative` takes a new seed, so new detail.
 * Deterministic: the same inputs and seed give the same PNG bytes.
 */
import { analyse, clampedView, quadrantRng } from './pictures-edit';
import { outpaint } from './pictures-outpaint';
import { mixSeeds, mulberry32 } from './pictures-random';
import {
  type Raw,
  decodeRaw,
  encodePng,
  gridOf,
  rawOut,
  resizeRaw,
  sharpRaw,
} from './pictures-raw';
import type { Picture } from './picture';
import { scale } from './pictures';

/** The biggest side an upscale may make (the engine's limit for upscale_2x/4x too). */
export const MAX_UPSCALED_SIDE = 8192;

/** Salt that keeps Make Square's random draws apart from zoom (3, 4), pan (5–8), region (9). */
const SQUARE_SALT = 10;

async function pictureOf(raw: Raw): Promise<Picture> {
  return { png: await encodePng(raw), width: raw.width, height: raw.height };
}

/** Where a w×h image sits in its square: the side, and the top-left corner, centred. */
export function squareFrame(
  width: number,
  height: number,
): { side: number; left: number; top: number } {
  const side = Math.max(width, height);
  return { side, left: Math.floor((side - width) / 2), top: Math.floor((side - height) / 2) };
}

async function squareRaw(src: Raw, seed: number, n: number): Promise<Raw> {
  const { side, left, top } = squareFrame(src.width, src.height);
  return outpaint(src, side, side, left, top, analyse(src), quadrantRng(seed, SQUARE_SALT, n));
}

/**
 * Make Square: the image extended to side × side (side = its longer side), its pixels exactly
 * in the middle. A square image comes back as it is (the engine offers `square` only on
 * non-square ones).
 */
export async function square(source: Picture, seed: number): Promise<Picture> {
  if (source.width === source.height) return source;
  return pictureOf(await squareRaw(await decodeRaw(source.png), seed, 0));
}

/** Make Square as Midjourney shows it: a grid of four squares, each grown differently. */
export async function squareGrid(source: Picture, seed: number): Promise<Picture> {
  const src = await decodeRaw(source.png);
  const quads = await Promise.all([0, 1, 2, 3].map((n) => squareRaw(src, seed, n)));
  return pictureOf(gridOf(quads));
}

function checkSize(source: Picture): void {
  if (Math.max(source.width, source.height) * 2 > MAX_UPSCALED_SIDE)
    throw new RangeError(
      `Image is already ${source.width}×${source.height}; a 2× upscale would exceed ${MAX_UPSCALED_SIDE} px`,
    );
}

/** Upscale (Subtle): exactly 2× each side, a faithful Lanczos resample. */
export async function upscaleSubtle(source: Picture): Promise<Picture> {
  checkSize(source);
  const src = await decodeRaw(source.png);
  return pictureOf(await resizeRaw(src, src.width * 2, src.height * 2, 'lanczos3'));
}

/**
 * Upscale (Creative): exactly 2× each side; the resample sharpened, then a seeded fine texture
 * laid over it, stronger in mid-tones than in deep shadow or highlight (where new detail
 * would read as noise), so it looks like detail the picture gained rather than grain.
 */
export async function upscaleCreative(source: Picture, seed: number): Promise<Picture> {
  checkSize(source);
  const src = await decodeRaw(source.png);
  const w = src.width * 2;
  const h = src.height * 2;
  const sharpened = await rawOut(
    sharpRaw(src)
      .resize(w, h, { fit: 'fill', kernel: 'lanczos3' })
      .sharpen({ sigma: 1.2, m1: 1.5, m2: 2.5 }),
  );
  // A coarse seeded field (one value per 4×4 block, bilinear) gives detail larger than a pixel.
  const rng = mulberry32(mixSeeds(seed, SQUARE_SALT + 1));
  const cw = Math.ceil(w / 4) + 2;
  const ch = Math.ceil(h / 4) + 2;
  const field = new Float32Array(cw * ch);
  for (let i = 0; i < field.length; i++) field[i] = rng() * 2 - 1;
  const buf = Buffer.from(sharpened.data);
  const out = clampedView(buf);
  const d = sharpened.data;
  for (let y = 0; y < h; y++) {
    const fy = y / 4;
    const y0 = Math.floor(fy);
    const ty = fy - y0;
    for (let x = 0; x < w; x++) {
      const fx = x / 4;
      const x0 = Math.floor(fx);
      const tx = fx - x0;
      const a = field[y0 * cw + x0]! + (field[y0 * cw + x0 + 1]! - field[y0 * cw + x0]!) * tx;
      const b =
        field[(y0 + 1) * cw + x0]! +
        (field[(y0 + 1) * cw + x0 + 1]! - field[(y0 + 1) * cw + x0]!) * tx;
      const v = a + (b - a) * ty;
      const i = (y * w + x) * 3;
      const luma = (0.2126 * d[i]! + 0.7152 * d[i + 1]! + 0.0722 * d[i + 2]!) / 255;
      const amount = 14 * (0.35 + 2.6 * luma * (1 - luma)) * v;
      out[i] = d[i]! + amount;
      out[i + 1] = d[i + 1]! + amount;
      out[i + 2] = d[i + 2]! + amount;
    }
  }
  return pictureOf({ data: buf, width: w, height: h });
}

/** The post-upscale actions this module draws (and `upscale_2x`/`4x` redos, drawn by `scale`). */
export const POST_UPSCALE_ACTIONS = [
  'upscale_subtle',
  'upscale_creative',
  'redo_upscale_subtle',
  'redo_upscale_creative',
  'redo_upscale_2x',
  'redo_upscale_4x',
  'square',
] as const;

/**
 * Draws one of `POST_UPSCALE_ACTIONS`, or returns undefined for any other action. For a redo,
 * `source` must be the image the first upscale was made from (the engine keeps it with the
 * upscale's record), so a redo is the same operation done again — not an upscale of an upscale.
 */
export function drawPostUpscale(
  action: string,
  source: Picture,
  seed: number,
): Promise<Picture> | undefined {
  switch (action) {
    case 'upscale_subtle':
    case 'redo_upscale_subtle':
      return upscaleSubtle(source);
    case 'upscale_creative':
    case 'redo_upscale_creative':
      return upscaleCreative(source, seed);
    case 'redo_upscale_2x':
      return scale(source, 2);
    case 'redo_upscale_4x':
      return scale(source, 4);
    case 'square':
      return square(source, seed);
    default:
      return undefined;
  }
}
