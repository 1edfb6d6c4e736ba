import sharp from 'sharp';
import { type Rgb, clamp01 } from './pictures-colour';
import { clampedView, softField } from './pictures-edit';
import { type Rng, between, hashString, mixSeeds, mulberry32, pick } from './pictures-random';
import {
  type Raw,
  blankRaw,
  blit,
  cropRaw,
  decodeRaw,
  encodePng,
  rawFrom,
  resizeRaw,
  sharpRaw,
  toPng,
  upsample2xInto,
} from './pictures-raw';
import type { Picture, Preview } from './picture';
import type { Land, Mood } from './scene-types';
import {
  ideaFromText,
  paletteFor,
  paletteFromBands,
  planScene,
  renderScene,
  tintPalette,
} from './pictures-scene';

/**
 * The local engine's pictures: grids drawn from a prompt, and every action on them (upscale,
 * variations, zoom-out, pan, region redraw, previews) done on real pixels with sharp. All of it
 * is deterministic: the same inputs give the same PNG bytes.
 */

/** An image prompt: any format sharp reads, and its weight (`--iw`, 0–3; 1 is even). */
export interface Reference {
  image: Buffer;
  weight: number;
}

/** What a grid is drawn from (prompt text, `--seed`, `--ar` and the style parameters). */
export interface GridSpec {
  text: string;
  seed: number;
  ratio: { w: number; h: number };
  refs?: Reference[];
  /** `--chaos` 0–100: how far the four quadrants drift apart. */
  chaos?: number;
  /** `--stylize` 0–1000 (default 100): richer colour, more clouds and glow. */
  stylize?: number;
  /** `--weird` 0–3000: surreal extras. */
  weird?: number;
  /** `--tile`: a seamless pattern. */
  tile?: boolean;
}

/** The real service's grid sizes (raw image) for the common aspect ratios, keyed reduced. */
const GRID_SIZES: ReadonlyMap<string, { width: number; height: number }> = new Map(
  (
    [
      [1, 1, 2048, 2048],
      [16, 9, 2912, 1632],
      [9, 16, 1632, 2912],
      [4, 3, 2464, 1856],
      [3, 4, 1856, 2464],
      [3, 2, 2688, 1792],
      [2, 3, 1792, 2688],
      [21, 9, 3360, 1440],
    ] as const
  ).map(([w, h, width, height]) => [ratioKey(w, h), { width, height }]),
);

function ratioKey(w: number, h: number): string {
  const g = gcd(w, h);
  return `${w / g}:${h / g}`;
}

/** Pixels of one quadrant for ratios outside the table. */
const QUADRANT_AREA = 1_190_000;

/** The painter works at 1/WORK_SHRINK of the final size; sharp upsamples (fast, and soft). */
const WORK_SHRINK = 2;

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * Size of a grid's raw image for an aspect ratio: 1:1 → 2048×2048, 16:9 → 2912×1632, 9:16 →
 * 1632×2912, 4:3 → 2464×1856, 3:4, 3:2 → 2688×1792, 2:3, 21:9 → 3360×1440; others: each
 * quadrant ≈ 1.19 MP keeping the ratio, sides multiples of 16 (quadrant = half each side).
 */
export function gridSize(ratio: { w: number; h: number }): { width: number; height: number } {
  const { w, h } = ratio;
  if (!(w > 0 && h > 0 && Number.isFinite(w) && Number.isFinite(h))) {
    throw new RangeError(`bad aspect ratio ${w}:${h}`);
  }
  if (Number.isInteger(w) && Number.isInteger(h)) {
    const known = GRID_SIZES.get(ratioKey(w, h));
    if (known) return { ...known };
  }
  const side = (v: number): number => Math.max(16, Math.round(v / 16) * 16);
  const qw = side(Math.sqrt((QUADRANT_AREA * w) / h));
  const qh = side(Math.sqrt((QUADRANT_AREA * h) / w));
  return { width: qw * 2, height: qh * 2 };
}

/** Encode raw pixels as a picture. */
export async function pictureOf(raw: Raw): Promise<Picture> {
  return { png: await encodePng(raw), width: raw.width, height: raw.height };
}

/** Decode a picture to raw pixels. */
export async function rawOf(p: Picture): Promise<Raw> {
  return decodeRaw(p.png);
}

/** A reference image decoded once, a little larger than a quadrant so each quadrant crops it differently. */
interface LoadedRef {
  raw: Raw;
  weight: number;
}

async function loadRef(ref: Reference, width: number, height: number): Promise<LoadedRef> {
  const raw = await rawFrom(
    sharp(ref.image)
      .autoOrient()
      .resize(Math.ceil(width * 1.2), Math.ceil(height * 1.2), { fit: 'cover' }),
  );
  return { raw, weight: Math.max(0, Number.isFinite(ref.weight) ? ref.weight : 1) };
}

function meanColour(raw: Raw, fromRow = 0, toRow = raw.height): Rgb {
  const sum: Rgb = [0, 0, 0];
  let n = 0;
  for (let y = fromRow; y < toRow; y += 2) {
    for (let x = 0; x < raw.width; x += 2) {
      const i = (y * raw.width + x) * 3;
      sum[0] += raw.data[i] ?? 0;
      sum[1] += raw.data[i + 1] ?? 0;
      sum[2] += raw.data[i + 2] ?? 0;
      n++;
    }
  }
  return n === 0 ? sum : [sum[0] / n, sum[1] / n, sum[2] / n];
}

/** exp(4·f) for a field value f in [0, 1], tabulated (evaluated per reference per pixel). */
const SHARE_TABLE = Float32Array.from({ length: 257 }, (_, i) => Math.exp((4 * i) / 255));

/**
 * Lays the references over a painted quadrant. With prompt text they show through at a strength
 * set by their weight (weight 1 ≈ half); without text (a blend) they make the picture and the
 * painting only lends it light. Several references share the frame in soft, shifting regions.
 */
function blendRefs(painted: Raw, refs: readonly LoadedRef[], rng: Rng, blendOnly: boolean): Raw {
  const { width: w, height: h } = painted;
  const crops = refs.map((r) =>
    cropRaw(
      r.raw,
      Math.floor(rng() * (r.raw.width - w + 1)),
      Math.floor(rng() * (r.raw.height - h + 1)),
      w,
      h,
    ),
  );
  const fields = refs.map(() => softField(rng, w, h));
  const shape = softField(rng, w, h);
  const rows = refs.map(() => new Float32Array(w));
  const shapeRow = new Float32Array(w);
  const meanWeight = refs.reduce((s, r) => s + r.weight, 0) / refs.length;
  const strength = blendOnly ? 0.84 : 0.85 * (1 - Math.exp(-0.9 * meanWeight));
  const buf = Buffer.from(painted.data);
  const out = clampedView(buf);
  const share = new Float32Array(refs.length);
  for (let y = 0; y < h; y++) {
    fields.forEach((field, k) => field(y, rows[k]!));
    shape(y, shapeRow);
    for (let x = 0; x < w; x++) {
      let total = 0;
      for (let k = 0; k < refs.length; k++) {
        // Soft-max over smooth fields: each reference owns a drifting region.
        const s = (refs[k]!.weight + 0.05) * SHARE_TABLE[(rows[k]![x]! * 255) | 0]!;
        share[k] = s;
        total += s;
      }
      const a = strength * (blendOnly ? 1 : 0.75 + 0.35 * shapeRow[x]!);
      const i = (y * w + x) * 3;
      for (let c = 0; c < 3; c++) {
        let ref = 0;
        for (let k = 0; k < refs.length; k++) ref += (crops[k]!.data[i + c] ?? 0) * share[k]!;
        ref /= total;
        out[i + c] = painted.data[i + c]! + (ref - painted.data[i + c]!) * a;
      }
    }
  }
  return { data: buf, width: w, height: h };
}

/**
 * Draws a 2×2 grid for a prompt: four different quadrants of the same idea. References (image
 * prompts) tint the palette and show through; 2–5 references without text make a blend.
 */
export async function drawGrid(spec: GridSpec): Promise<Picture> {
  const { width, height } = gridSize(spec.ratio);
  const qw = width / 2;
  const qh = height / 2;
  const ww = Math.ceil(qw / WORK_SHRINK);
  const wh = Math.ceil(qh / WORK_SHRINK);
  const text = spec.text.trim().toLowerCase().replace(/\s+/g, ' ');
  const refs = await Promise.all((spec.refs ?? []).map((r) => loadRef(r, ww, wh)));
  const active = refs.filter((r) => r.weight > 0);
  const blendOnly = text === '' && active.length > 0;
  const idea = ideaFromText(text);
  const stylize = clamp01((spec.stylize ?? 100) / 1000);
  const chaos = clamp01((spec.chaos ?? 0) / 100);
  const weird = clamp01((spec.weird ?? 0) / 3000);
  const vivid = 0.72 + 0.6 * Math.sqrt(stylize);
  const textHash = hashString(text);
  const refLooks =
    active.length > 0
      ? {
          top: averageRgb(active.map((r) => meanColour(r.raw, 0, Math.ceil(r.raw.height * 0.3)))),
          all: averageRgb(active.map((r) => meanColour(r.raw))),
          bottom: averageRgb(
            active.map((r) => meanColour(r.raw, Math.floor(r.raw.height * 0.7), r.raw.height)),
          ),
        }
      : null;
  const refPull = active.length
    ? 0.5 * (1 - Math.exp(-0.9 * averageOf(active.map((r) => r.weight))))
    : 0;

  const grid = blankRaw(width, height);
  for (let q = 0; q < 4; q++) {
    const rng = mulberry32(mixSeeds(textHash, spec.seed, q, 0x51de));
    const drift = chaos * between(rng, -1, 1) * 120 + (q - 1.5) * chaos * 30;
    const hue = idea.hue + drift + between(rng, -7, 7);
    const mood: Mood =
      rng() < chaos * 0.5 ? pick(rng, ['dawn', 'day', 'dusk', 'night']) : idea.mood;
    const land: Land =
      rng() < chaos * 0.6 ? pick(rng, ['peaks', 'hills', 'dunes', 'sea']) : idea.land;
    let palette = paletteFor(hue, mood, land, vivid, rng);
    if (refLooks && blendOnly) {
      palette = paletteFromBands(refLooks.top, refLooks.all, refLooks.bottom, rng);
    } else if (refLooks) {
      palette = tintPalette(palette, refLooks.all, refPull);
    }
    const scene = planScene({
      seed: Math.floor(rng() * 4294967296),
      palette,
      night: mood === 'night',
      land,
      water: land === 'sea' || (idea.water ? rng() < 0.85 : rng() < chaos * 0.4),
      stylize,
      weird: weird > 0 ? Math.min(1, weird * 2 + 0.1) : 0,
      tile: spec.tile === true,
      // A blend's references bring their own suns.
      inset: blendOnly,
    });
    let work: Raw = { data: renderScene(scene, ww, wh), width: ww, height: wh };
    if (active.length > 0) work = blendRefs(work, active, rng, blendOnly);
    if (ww * 2 === qw && wh * 2 === qh) {
      upsample2xInto(work, grid, (q % 2) * qw, Math.floor(q / 2) * qh);
    } else {
      blit(grid, await resizeRaw(work, qw, qh, 'cubic'), (q % 2) * qw, Math.floor(q / 2) * qh);
    }
  }
  return pictureOf(grid);
}

function averageOf(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / Math.max(1, values.length);
}

function averageRgb(colours: readonly Rgb[]): Rgb {
  return [
    averageOf(colours.map((c) => c[0])),
    averageOf(colours.map((c) => c[1])),
    averageOf(colours.map((c) => c[2])),
  ];
}

/** Quadrant `n` of a grid, cropped exactly: 1 top-left, 2 top-right, 3 bottom-left, 4 bottom-right. */
export async function quadrant(grid: Picture, n: 1 | 2 | 3 | 4): Promise<Picture> {
  if (![1, 2, 3, 4].includes(n)) throw new RangeError(`no quadrant ${String(n)}`);
  const width = Math.floor(grid.width / 2);
  const height = Math.floor(grid.height / 2);
  const left = n === 2 || n === 4 ? width : 0;
  const top = n === 3 || n === 4 ? height : 0;
  const png = await toPng(sharp(grid.png).extract({ left, top, width, height }));
  return { png, width, height };
}

/** Bands an upscale is cut into, so sharp works on them in parallel (it runs one thread a pipeline here). */
const UPSCALE_BANDS = 4;
/** Source rows each band borrows from its neighbours, so the resampling kernel sees across cuts. */
const UPSCALE_OVERLAP = 4;

/** Upscale (upscale_2x / upscale_4x): exactly `factor` times each side. */
export async function scale(p: Picture, factor: 2 | 4): Promise<Picture> {
  if (factor !== 2 && factor !== 4) throw new RangeError(`no upscale ×${String(factor)}`);
  const src = await rawOf(p);
  const { width: w, height: h } = src;
  const bands = Math.max(1, Math.min(UPSCALE_BANDS, Math.floor(h / 16)));
  const parts = await Promise.all(
    Array.from({ length: bands }, (_, b) => {
      const y0 = Math.floor((b * h) / bands);
      const y1 = Math.floor(((b + 1) * h) / bands);
      const e0 = Math.max(0, y0 - UPSCALE_OVERLAP);
      const e1 = Math.min(h, y1 + UPSCALE_OVERLAP);
      return sharpRaw(src)
        .extract({ left: 0, top: e0, width: w, height: e1 - e0 })
        .resize(w * factor, (e1 - e0) * factor, { fit: 'fill', kernel: 'lanczos3' })
        .extract({
          left: 0,
          top: (y0 - e0) * factor,
          width: w * factor,
          height: (y1 - y0) * factor,
        })
        .raw()
        .toBuffer();
    }),
  );
  return pictureOf({ data: Buffer.concat(parts), width: w * factor, height: h * factor });
}

/** The half-size image (`image_url`) of a picture. */
export async function thumbnail(p: Picture): Promise<Picture> {
  const width = Math.max(1, Math.round(p.width / 2));
  const height = Math.max(1, Math.round(p.height / 2));
  const png = await toPng(sharp(p.png).resize(width, height, { fit: 'fill', kernel: 'lanczos3' }));
  return { png, width, height };
}

/** A colour matrix that keeps `s` of the saturation (Rec. 601 luma for the grey). */
function saturation(
  s: number,
): [[number, number, number], [number, number, number], [number, number, number]] {
  const [r, g, b] = [0.299, 0.587, 0.114].map((w) => w * (1 - s)) as [number, number, number];
  return [
    [r + s, g, b],
    [r, g + s, b],
    [r, g, b + s],
  ];
}

/**
 * Blurry WebP previews of `final` for an in-progress stream line: the lower the progress
 * (0–100), the blurrier and the less saturated.
 */
export async function preview(final: Picture, progress: number): Promise<Preview> {
  const long = Math.max(final.width, final.height);
  const fit = (side: number): { width: number; height: number } => ({
    width: Math.max(1, Math.round((final.width * side) / long)),
    height: Math.max(1, Math.round((final.height * side) / long)),
  });
  const rawDims = fit(512);
  const thumbDims = fit(256);
  const p = clamp01(progress / 100);
  const sigma = Math.max(0.3, 18 * Math.pow(1 - p, 1.6));
  // Drawn at a reduced scale when the blur is wide (as softBlur does), desaturated by a colour
  // matrix, and encoded at WebP's fastest effort: a preview lives for seconds, and at full
  // scale with a full encoder each line cost the engine several times as much CPU.
  const shrink = Math.max(1, Math.min(8, Math.floor(sigma / 3)));
  const low = await rawFrom(
    sharp(final.png)
      .resize(
        Math.max(1, Math.round(rawDims.width / shrink)),
        Math.max(1, Math.round(rawDims.height / shrink)),
        { fit: 'fill', kernel: shrink > 1 ? 'linear' : 'lanczos3' },
      )
      .blur(Math.max(0.3, sigma / shrink))
      .recomb(saturation(0.55 + 0.45 * p)),
  );
  const small = await resizeRaw(low, rawDims.width, rawDims.height, 'cubic');
  const webp = { quality: 70, effort: 0 } as const;
  const [raw, thumb] = await Promise.all([
    sharpRaw(small).webp(webp).toBuffer(),
    sharpRaw(small)
      .resize(thumbDims.width, thumbDims.height, { fit: 'fill' })
      .webp(webp)
      .toBuffer(),
  ]);
  return {
    raw,
    thumb,
    rawSize: 512,
    thumbSize: 256,
    rawWidth: rawDims.width,
    rawHeight: rawDims.height,
    thumbWidth: thumbDims.width,
    thumbHeight: thumbDims.height,
  };
}

/** Decodes any image sharp reads (EXIF-oriented, transparency flattened onto black) to a PNG picture. */
export async function decodeImage(bytes: Buffer): Promise<Picture> {
  return pictureOf(await decodeRaw(bytes));
}
