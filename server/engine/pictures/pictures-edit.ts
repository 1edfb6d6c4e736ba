import sharp from 'sharp';
import { type Rgb, smoothstep } from './pictures-colour';
import {
  type Raw,
  blankRaw,
  rawOut,
  resizeRaw,
  sharpRaw,
  softBlur,
  upsample2xInto,
} from './pictures-raw';
import { type Rng, between, mixSeeds, mulberry32, pick } from './pictures-random';
import { paletteFromBands, planScene, renderScene } from './pictures-scene';
import type { Land } from './scene-types';

/**
 * Edits of an existing picture (variations, outpainting, inpainting). Each starts from the
 * source's real pixels and paints new content with colours read from the source, so the new
 * parts belong to the old ones.
 */

/** What the painter needs to know about a picture to continue it. */
export interface Looks {
  top: Rgb;
  middle: Rgb;
  bottom: Rgb;
  /** Where the strongest horizontal edge (the horizon, usually) sits, as a fraction of height. */
  horizon: number;
  night: boolean;
}

/** Reads the colour bands and the horizon of a picture (samples, so it is cheap at any size). */
export function analyse(raw: Raw): Looks {
  const { width: w, height: h, data } = raw;
  const step = Math.max(1, Math.floor(w / 96));
  const rows: Rgb[] = [];
  for (let y = 0; y < h; y++) {
    let r = 0;
    let g = 0;
    let b = 0;
    let n = 0;
    for (let x = 0; x < w; x += step) {
      const i = (y * w + x) * 3;
      r += data[i] ?? 0;
      g += data[i + 1] ?? 0;
      b += data[i + 2] ?? 0;
      n++;
    }
    rows.push([r / n, g / n, b / n]);
  }
  const band = (from: number, to: number): Rgb => {
    const a = Math.floor(from * h);
    const z = Math.max(a + 1, Math.floor(to * h));
    const sum: Rgb = [0, 0, 0];
    for (let y = a; y < z; y++) {
      const row = rows[y] ?? [0, 0, 0];
      sum[0] += row[0];
      sum[1] += row[1];
      sum[2] += row[2];
    }
    return [sum[0] / (z - a), sum[1] / (z - a), sum[2] / (z - a)];
  };
  const luma = rows.map(([r, g, b]) => 0.299 * r + 0.587 * g + 0.114 * b);
  const d = Math.max(1, Math.round(h / 40));
  let best = 0.6;
  let bestJump = -1;
  for (let y = Math.floor(h * 0.3); y < Math.floor(h * 0.8); y++) {
    const jump = Math.abs((luma[Math.min(h - 1, y + d)] ?? 0) - (luma[Math.max(0, y - d)] ?? 0));
    if (jump > bestJump) {
      bestJump = jump;
      best = y / h;
    }
  }
  const top = band(0, 0.2);
  return {
    top,
    middle: band(0.4, 0.6),
    bottom: band(0.8, 1),
    horizon: best,
    night: 0.299 * top[0] + 0.587 * top[1] + 0.114 * top[2] < 45,
  };
}

/** Paints a fresh, sunless landscape in a picture's own colours (rendered at half size). */
export async function paintLike(
  looks: Looks,
  rng: Rng,
  width: number,
  height: number,
  horizon: number,
): Promise<Raw> {
  const land: Land = pick(rng, ['peaks', 'hills', 'dunes', 'sea']);
  const scene = planScene({
    seed: Math.floor(rng() * 4294967296),
    palette: paletteFromBands(looks.top, looks.middle, looks.bottom, rng),
    night: looks.night,
    land,
    water: land === 'sea' || rng() < 0.4,
    stylize: 0.5,
    weird: 0,
    tile: false,
    horizon: Math.min(0.85, Math.max(0.3, horizon)),
    inset: true,
  });
  const w = Math.max(8, Math.ceil(width / 2));
  const h = Math.max(8, Math.ceil(height / 2));
  const half: Raw = { data: renderScene(scene, w, h), width: w, height: h };
  if (w * 2 !== width || h * 2 !== height) return resizeRaw(half, width, height, 'cubic');
  const full = blankRaw(width, height);
  upsample2xInto(half, full, 0, 0);
  return full;
}

/**
 * A slowly varying field in [0, 1] (a few crossed sine waves), for uneven blending. Call it with
 * a row index and a buffer of the image's width; it fills that row.
 */
export function softField(
  rng: Rng,
  width: number,
  height: number,
): (y: number, row: Float32Array) => Float32Array {
  const waves = Array.from({ length: 3 }, () => {
    const fx = between(rng, 0.5, 2.5) / width;
    const fy = between(rng, 0.5, 2.5) / height;
    const ph = rng() * Math.PI * 2;
    // sin(a + b) = sin a cos b + cos a sin b keeps trigonometry out of the pixel loop.
    const sx = new Float32Array(width);
    const cx = new Float32Array(width);
    for (let x = 0; x < width; x++) {
      sx[x] = Math.sin(2 * Math.PI * fx * x + ph);
      cx[x] = Math.cos(2 * Math.PI * fx * x + ph);
    }
    return { fy, sx, cx };
  });
  return (y, row) => {
    row.fill(0.5);
    for (const wv of waves) {
      const sy = Math.sin(2 * Math.PI * wv.fy * y) / 6;
      const cy = Math.cos(2 * Math.PI * wv.fy * y) / 6;
      for (let x = 0; x < width; x++) row[x] = row[x]! + wv.sx[x]! * cy + wv.cx[x]! * sy;
    }
    return row;
  };
}

/**
 * One variation of a picture: a slightly different framing and colour, with the details
 * (ridges, clouds, ripples) of a fresh painting worked into it. `strong` moves further.
 */
export async function varyOnce(src: Raw, looks: Looks, rng: Rng, strong: boolean): Promise<Raw> {
  const { width: w, height: h } = src;
  const zoom = strong ? between(rng, 0.08, 0.2) : between(rng, 0.025, 0.06);
  const cw = Math.max(1, Math.round(w * (1 - zoom)));
  const ch = Math.max(1, Math.round(h * (1 - zoom)));
  const left = Math.floor(rng() * (w - cw + 1));
  const top = Math.floor(rng() * (h - ch + 1));
  let pipeline = sharpRaw(src)
    .extract({ left, top, width: cw, height: ch })
    .resize(w, h, { fit: 'fill', kernel: 'lanczos3' });
  if (strong && rng() < 0.35) pipeline = pipeline.flop();
  const reframedP = rawOut(pipeline);
  const colour = colourMatrix(
    strong ? between(rng, -35, 35) : between(rng, -7, 7),
    strong ? between(rng, 0.8, 1.35) : between(rng, 0.94, 1.1),
    strong ? between(rng, 0.88, 1.12) : between(rng, 0.97, 1.04),
  );
  const paint = await paintLike(looks, rng, w, h, looks.horizon + between(rng, -0.06, 0.06));
  const [reframed, paintLow] = await Promise.all([reframedP, softBlur(paint, Math.min(w, h) / 24)]);
  // Detail is the painting minus its blur; colour is pulled a little toward the painting too.
  const detail = strong ? between(rng, 0.8, 1.1) : between(rng, 0.3, 0.45);
  const pull = strong ? between(rng, 0.15, 0.3) : 0.04;
  const [m00, m01, m02, m10, m11, m12, m20, m21, m22] = colour;
  const field = softField(rng, w, h);
  const row = new Float32Array(w);
  const buf = Buffer.alloc(w * h * 3);
  const out = clampedView(buf);
  const a = reframed.data;
  const b = paint.data;
  const lo = paintLow.data;
  for (let y = 0; y < h; y++) {
    field(y, row);
    for (let x = 0, i = y * w * 3; x < w; x++, i += 3) {
      const k = 0.3 + 1.4 * row[x]!;
      const d = detail * k;
      const m = pull * k;
      const r0 = a[i]!;
      const g0 = a[i + 1]!;
      const b0 = a[i + 2]!;
      const r = m00 * r0 + m01 * g0 + m02 * b0;
      const g = m10 * r0 + m11 * g0 + m12 * b0;
      const bb = m20 * r0 + m21 * g0 + m22 * b0;
      out[i] = r + (lo[i]! - r) * m + (b[i]! - lo[i]!) * d;
      out[i + 1] = g + (lo[i + 1]! - g) * m + (b[i + 1]! - lo[i + 1]!) * d;
      out[i + 2] = bb + (lo[i + 2]! - bb) * m + (b[i + 2]! - lo[i + 2]!) * d;
    }
  }
  return { data: buf, width: w, height: h };
}

/**
 * One 3×3 RGB matrix for a hue rotation (degrees), a saturation factor and a brightness factor
 * (the CSS filter formulas): cheaper in the pixel loop than a round trip through another space.
 */
export function colourMatrix(hue: number, saturation: number, brightness: number): Matrix3 {
  const c = Math.cos((hue * Math.PI) / 180);
  const s = Math.sin((hue * Math.PI) / 180);
  const h = [
    0.213 + c * 0.787 - s * 0.213,
    0.715 - c * 0.715 - s * 0.715,
    0.072 - c * 0.072 + s * 0.928,
    0.213 - c * 0.213 + s * 0.143,
    0.715 + c * 0.285 + s * 0.14,
    0.072 - c * 0.072 - s * 0.283,
    0.213 - c * 0.213 - s * 0.787,
    0.715 - c * 0.715 + s * 0.715,
    0.072 + c * 0.928 + s * 0.072,
  ];
  const v = saturation;
  const sat = [
    0.213 + 0.787 * v,
    0.715 - 0.715 * v,
    0.072 - 0.072 * v,
    0.213 - 0.213 * v,
    0.715 + 0.285 * v,
    0.072 - 0.072 * v,
    0.213 - 0.213 * v,
    0.715 - 0.715 * v,
    0.072 + 0.928 * v,
  ];
  const at = (r: number, col: number): number => {
    let sum = 0;
    for (let k = 0; k < 3; k++) sum += sat[r * 3 + k]! * h[k * 3 + col]!;
    return sum * brightness;
  };
  return [at(0, 0), at(0, 1), at(0, 2), at(1, 0), at(1, 1), at(1, 2), at(2, 0), at(2, 1), at(2, 2)];
}

/** A row-major 3×3 matrix. */
export type Matrix3 = [number, number, number, number, number, number, number, number, number];

/** A region mask at the picture's size: 1 byte a pixel, 255 = redraw (thresholded at 128). */
export async function readMask(mask: Buffer, width: number, height: number): Promise<Uint8Array> {
  const { data, info } = await sharp(mask)
    .autoOrient()
    .flatten({ background: '#000000' })
    .greyscale()
    .resize(width, height, { fit: 'fill', kernel: 'linear' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const out = new Uint8Array(width * height);
  for (let p = 0; p < out.length; p++) out[p] = (data[p * info.channels] ?? 0) >= 128 ? 255 : 0;
  return out;
}

/**
 * Inpainting: new content under the white of `mask`; every pixel under black is the source's
 * own byte for byte. The new content keeps the source's broad colours (its blur, nudged toward
 * the painting's) and takes the painting's details; it fades in from the white region's edge.
 */
export async function redrawRegion(
  src: Raw,
  mask: Uint8Array,
  feather: Uint8Array,
  blurredSrc: Raw,
  looks: Looks,
  rng: Rng,
): Promise<Raw> {
  const { width: w, height: h } = src;
  const paint = await paintLike(looks, rng, w, h, looks.horizon + between(rng, -0.1, 0.1));
  const paintLow = await softBlur(paint, Math.min(w, h) / 24);
  const pull = between(rng, 0.3, 0.5);
  const detail = between(rng, 1.1, 1.5);
  const buf = Buffer.from(src.data);
  const out = clampedView(buf);
  const s = src.data;
  const bs = blurredSrc.data;
  const pt = paint.data;
  const lo = paintLow.data;
  for (let p = 0; p < mask.length; p++) {
    if (mask[p] === 0) continue;
    // The blurred mask is 128 on the region's edge and 255 deep inside.
    const a = smoothstep(128, 220, feather[p] ?? 0);
    if (a === 0) continue;
    const i = p * 3;
    for (let c = i; c < i + 3; c++) {
      const fresh = bs[c]! + (lo[c]! - bs[c]!) * pull + (pt[c]! - lo[c]!) * detail;
      out[c] = s[c]! + (fresh - s[c]!) * a;
    }
  }
  return { data: buf, width: w, height: h };
}

/** Softens a binary mask (for feathering the redrawn region's edge). */
export async function featherMask(
  mask: Uint8Array,
  width: number,
  height: number,
  sigma: number,
): Promise<Uint8Array> {
  const { data, info } = await sharp(Buffer.from(mask.buffer, mask.byteOffset, mask.byteLength), {
    raw: { width, height, channels: 1 },
  })
    .blur(Math.max(0.3, sigma))
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels === 1) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const out = new Uint8Array(width * height);
  for (let p = 0; p < out.length; p++) out[p] = data[p * info.channels] ?? 0;
  return out;
}

/** A seeded generator for quadrant `n` of an edit; `salt` keeps different edits apart. */
export function quadrantRng(seed: number, salt: number, n: number): Rng {
  return mulberry32(mixSeeds(seed, salt, n));
}

/** A clamping, rounding byte view of a buffer (plain Uint8Array writes wrap around and truncate). */
export function clampedView(buf: Buffer): Uint8ClampedArray {
  return new Uint8ClampedArray(buf.buffer, buf.byteOffset, buf.byteLength);
}
