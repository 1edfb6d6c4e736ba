import {
  type Rgb,
  adjust,
  clamp01,
  hsl,
  mixRgb,
  shade,
  smoothstep,
  toHsl,
} from './pictures-colour';
import { type Rng, between, hashString, mulberry32, pick, valueNoise } from './pictures-random';

/**
 * The procedural painter behind every local-engine picture: a sky of layered gradients, a sun
 * or moon with its glow, soft cloud banks, hazy ridges down to a horizon, and water that
 * mirrors it all. It paints raw RGB floats in plain loops (fast enough at a few hundred pixels a
 * side; callers render small and let sharp upsample, which also softens the shapes).
 */

/** The colours of one picture. */
export interface Palette {
  skyTop: Rgb;
  skyMid: Rgb;
  horizon: Rgb;
  sun: Rgb;
  cloud: Rgb;
  far: Rgb;
  near: Rgb;
  water: Rgb;
  accent: Rgb;
}

/** What kind of land lies under the sky. */
export type Land = 'peaks' | 'hills' | 'dunes' | 'sea';

/** Time of day; it sets the brightness of the sky and whether stars come out. */
export type Mood = 'dawn' | 'day' | 'dusk' | 'night';

/** The idea a prompt stands for: shared by the four quadrants of its grid. */
export interface Idea {
  hue: number;
  mood: Mood;
  land: Land;
  water: boolean;
}

/** Everything needed to paint one picture; every random choice is already made. */
export interface Scene {
  seed: number;
  palette: Palette;
  night: boolean;
  land: Land;
  water: boolean;
  /** Horizon line as a fraction of the height. */
  horizon: number;
  /** Sun (or moon) centre and radius as fractions of width / height / min side. */
  sun: { x: number; y: number; r: number };
  /** Soft light around the sun, 0–1. */
  glow: number;
  clouds: number;
  layers: number;
  /** Surreal extras (floating orbs, a striped sun), 0–1. */
  weird: number;
  /** Seamless 2-D pattern instead of a landscape (`--tile`). */
  tile: boolean;
  /** How much the corners darken, 0–1. */
  vignette: number;
}

/** Prompt words that steer colour and subject, so "volcano" looks hot and "ocean" looks wet. */
const HUE_WORDS: ReadonlyArray<[RegExp, number]> = [
  [/\b(red|fire|flames?|lava|volcan\w*|blood|crimson|ruby|lamborghini|ferrari)\b/, 8],
  [/\b(orange|sunset|autumn|fall|copper|amber|pumpkin|rust)\b/, 26],
  [/\b(gold\w*|yellow|desert|sand|dunes?|sahara|honey|lemon|sunflowers?)\b/, 44],
  [/\b(green|forest|jungle|meadow|grass|leaf|leaves|moss|emerald|garden|spring)\b/, 118],
  [/\b(teal|turquoise|lagoon|tropical|mint|aqua)\b/, 172],
  [/\b(blue|ocean|sea|water|lake|river|sky|rain|sapphire|cyan)\b/, 208],
  [/\b(purple|violet|lavender|dream\w*|magic\w*|amethyst)\b/, 272],
  [/\b(pink|rose|cherry|blossoms?|sakura|candy|flamingo)\b/, 330],
  [/\b(snow\w*|ice|icy|winter|frost\w*|arctic|glacier)\b/, 198],
  [/\b(night|moon\w*|stars?|starry|galaxy|space|cosmic|nebula)\b/, 238],
];
const MOOD_WORDS: ReadonlyArray<[RegExp, Mood]> = [
  [/\b(night|midnight|moon\w*|stars?|starry|galaxy|space|cosmic|nebula|dark)\b/, 'night'],
  [/\b(sunset|dusk|evening|twilight|golden hour|volcan\w*|fire|lava)\b/, 'dusk'],
  [/\b(sunrise|dawn|morning|mist\w*|fog\w*)\b/, 'dawn'],
  [/\b(day|noon|sunny|bright|summer|clear)\b/, 'day'],
];
const LAND_WORDS: ReadonlyArray<[RegExp, Land, boolean]> = [
  [/\b(ocean|sea|beach|coast|waves?|island|sail\w*|ship|boat)\b/, 'sea', true],
  [/\b(lake|river|pond|reflection|lagoon|fjord)\b/, 'peaks', true],
  [/\b(desert|dunes?|sand|sahara|camel)\b/, 'dunes', false],
  [/\b(mountains?|peaks?|alps|volcan\w*|cliffs?|canyon)\b/, 'peaks', false],
  [/\b(hills?|meadow|field|farm|countryside|valley|garden)\b/, 'hills', false],
];

/** The entry whose word comes first in the text ("blue ocean sunset" is blue before it is orange). */
function firstMention<T extends readonly [RegExp, ...unknown[]]>(
  text: string,
  table: readonly T[],
): T | undefined {
  let best: T | undefined;
  let bestAt = Infinity;
  for (const entry of table) {
    const at = text.search(entry[0]);
    if (at >= 0 && at < bestAt) {
      best = entry;
      bestAt = at;
    }
  }
  return best;
}

/** Reads the idea of a prompt: keywords first, the text's hash for everything they leave open. */
export function ideaFromText(text: string): Idea {
  const t = text.toLowerCase();
  const rng = mulberry32(hashString(t.trim()));
  const hueHit = firstMention(t, HUE_WORDS);
  const moodHit = firstMention(t, MOOD_WORDS);
  const landHit = firstMention(t, LAND_WORDS);
  const hue = (hueHit ? hueHit[1] : rng() * 360) + between(rng, -8, 8);
  const mood = moodHit ? moodHit[1] : pick(rng, ['dawn', 'day', 'dusk', 'dusk', 'night'] as const);
  const land = landHit
    ? landHit[1]
    : pick(rng, ['peaks', 'peaks', 'hills', 'dunes', 'sea'] as const);
  const water = landHit ? landHit[2] : land === 'sea' || rng() < 0.4;
  return { hue, mood, land, water };
}

/**
 * The sky's hue for a prompt hue: yellow-green skies look muddy, so gold leans to amber and
 * green to teal; the land keeps the prompt's own hue.
 */
function skyHue(hue: number): number {
  const h = ((hue % 360) + 360) % 360;
  if (h >= 38 && h < 75) return 30 + (h - 38) * 0.2;
  if (h >= 75 && h < 165) return 185 + (h - 75) * 0.1;
  return h;
}

/** A palette around one hue for a mood and land; `vivid` (0.6–1.4) scales saturation. */
export function paletteFor(hue: number, mood: Mood, land: Land, vivid: number, rng: Rng): Palette {
  const j = (): number => between(rng, -6, 6);
  const s = (v: number): number => clamp01(v * vivid);
  const light = { dawn: 1, day: 1.12, dusk: 0.9, night: 0.42 }[mood];
  const warm = mood === 'night' ? 0 : mood === 'day' ? -12 : -32;
  const sky = skyHue(hue);
  // Warm skies deepen toward crimson at the zenith; cool ones toward violet.
  const warmSky = sky < 75 || sky > 320;
  const zenith = warmSky ? -30 : 24;
  // Sand stays sand-coloured near by; other land darkens into silhouette.
  const nearLight = land === 'dunes' ? 0.3 : 0.15;
  return {
    skyTop: hsl(sky + zenith + j(), s(0.55), 0.3 * light),
    skyMid: hsl(sky + 6 + j(), s(0.6), 0.52 * light),
    horizon: hsl(sky + warm + j(), s(0.78), Math.min(0.86, 0.74 * light + 0.05)),
    sun:
      mood === 'night'
        ? hsl(sky + 10, s(0.25), 0.9)
        : hsl(sky + warm - 8 + j(), s(0.95), mood === 'day' ? 0.94 : 0.86),
    cloud: hsl(sky + warm / 2 + j(), s(0.5), Math.min(0.92, 0.76 * light + 0.1)),
    far: hsl(hue + 18 + j(), s(0.36), 0.5 * light),
    near: hsl(hue + (warmSky ? -12 : 30) + j(), s(0.45), nearLight * Math.max(0.7, light)),
    water: hsl(sky + 12 + j(), s(0.5), 0.3 * light),
    accent: hsl(hue + 180 + j(), s(0.75), 0.62),
  };
}

/** A palette that continues an existing picture: its sky on top, its ground below. */
export function paletteFromBands(top: Rgb, middle: Rgb, bottom: Rgb, rng: Rng): Palette {
  const [hue] = toHsl(middle);
  const horizonish = mixRgb(middle, top, 0.25);
  return {
    skyTop: top,
    skyMid: mixRgb(top, middle, 0.5),
    horizon: adjust(horizonish, between(rng, -6, 6), 1.1, 1.12),
    sun: mixRgb(adjust(middle, -10, 1.2, 1.4), [255, 246, 228], 0.55),
    cloud: mixRgb(middle, [255, 255, 255], 0.45),
    far: mixRgb(middle, bottom, 0.45),
    near: shade(bottom, 0.72),
    water: mixRgb(bottom, top, 0.35),
    accent: hsl(hue + 180, 0.6, 0.6),
  };
}

/** Pulls every colour of a palette toward `colour` by `amount` (0–1). */
export function tintPalette(p: Palette, colour: Rgb, amount: number): Palette {
  const out = { ...p };
  for (const key of Object.keys(out) as Array<keyof Palette>) {
    out[key] = mixRgb(out[key], colour, amount);
  }
  return out;
}

/** Knobs that make the random choices of a scene. */
export interface SceneChoices {
  seed: number;
  palette: Palette;
  night: boolean;
  land: Land;
  water: boolean;
  /** 0–1: more clouds, glow and layers. */
  stylize: number;
  /** 0–1. */
  weird: number;
  tile: boolean;
  /** Pin the horizon (fraction of height) to continue a picture; random when absent. */
  horizon?: number;
  /** Painting to be set into another picture: no sun or moon (it has its own), no vignette. */
  inset?: boolean;
}

/** Makes the random placements (horizon, sun, clouds, layers) of a scene. */
export function planScene(c: SceneChoices): Scene {
  const rng = mulberry32(c.seed);
  const horizon = c.horizon ?? (c.water ? between(rng, 0.5, 0.66) : between(rng, 0.56, 0.72));
  return {
    seed: Math.floor(rng() * 4294967296),
    palette: c.palette,
    night: c.night,
    land: c.land,
    water: c.water,
    horizon,
    sun: {
      x: between(rng, 0.18, 0.82),
      y: horizon - between(rng, 0.06, 0.32),
      r: c.inset ? 0 : between(rng, 0.045, 0.085) * (c.night ? 0.8 : 1),
    },
    glow: between(rng, 0.45, 0.75) * (0.8 + 0.4 * c.stylize),
    clouds: Math.round(between(rng, 1, 3.5) + c.stylize * 3),
    layers: c.land === 'sea' ? 1 : Math.round(between(rng, 2, 3.6) + c.stylize),
    weird: c.weird,
    tile: c.tile,
    vignette: c.inset || c.tile ? 0 : c.night ? 0.3 : 0.18,
  };
}

/** Paints a scene into raw RGB bytes of the given size. */
export function renderScene(scene: Scene, width: number, height: number): Buffer {
  const img = new Float32Array(width * height * 3);
  const painter = new Painter(img, width, height, mulberry32(scene.seed));
  if (scene.tile) painter.pattern(scene);
  else painter.landscape(scene);
  return quantise(img, width, height, scene.vignette);
}

/** Floats to bytes, darkening the corners (a vignette) on the way: one pass over the pixels. */
function quantise(img: Float32Array, w: number, h: number, vignette: number): Buffer {
  const buf = Buffer.alloc(img.length);
  const out = new Uint8ClampedArray(buf.buffer, buf.byteOffset, buf.byteLength);
  const cx = w / 2;
  const cy = h / 2;
  const norm = 1 / (cx * cx + cy * cy);
  const colTerm = new Float32Array(w);
  for (let x = 0; x < w; x++) colTerm[x] = (x + 0.5 - cx) * (x + 0.5 - cx) * norm;
  for (let y = 0; y < h; y++) {
    const rowTerm = (y + 0.5 - cy) * (y + 0.5 - cy) * norm;
    for (let x = 0, i = y * w * 3; x < w; x++, i += 3) {
      const d2 = rowTerm + colTerm[x]!;
      const f = 1 - vignette * d2 * d2;
      out[i] = img[i]! * f;
      out[i + 1] = img[i + 1]! * f;
      out[i + 2] = img[i + 2]! * f;
    }
  }
  return buf;
}

/** exp(-v) for v in [0, 8), tabulated: the glow evaluates it for every sky pixel. */
const EXP_STEPS = 64;
const EXP_TABLE = Float32Array.from({ length: 8 * EXP_STEPS + 2 }, (_, i) =>
  Math.exp(-i / EXP_STEPS),
);

/** Holds the canvas while a scene is painted; each method is one layer. */
class Painter {
  constructor(
    private readonly img: Float32Array,
    private readonly w: number,
    private readonly h: number,
    private readonly rng: Rng,
  ) {}

  landscape(s: Scene): void {
    const p = s.palette;
    const hy = s.horizon * this.h;
    this.sky(p, hy);
    const sun = {
      x: s.sun.x * this.w,
      y: s.sun.y * this.h,
      r: s.sun.r * Math.min(this.w, this.h),
    };
    if (sun.r > 0) this.glow(sun, p, s.glow, hy);
    if (s.night) this.stars(hy);
    if (sun.r > 0) this.disc(sun, p.sun, s.weird > 0.35 && !s.night);
    for (let i = 0; i < s.clouds; i++) this.cloudBank(p, hy, s.night ? 0.35 : 0.7);
    if (s.weird > 0.1) this.orbs(p, hy, s.weird);
    this.ridges(s, hy, sun.x);
    if (s.water) this.water(p, hy, sun);
  }

  /** Three-stop vertical gradient, easing into the horizon colour. */
  private sky(p: Palette, hy: number): void {
    for (let y = 0; y < this.h; y++) {
      const t = clamp01(y / hy);
      const c =
        t < 0.5
          ? mixRgb(p.skyTop, p.skyMid, smoothstep(0, 0.5, t))
          : mixRgb(p.skyMid, p.horizon, Math.pow((t - 0.5) / 0.5, 1.6));
      this.fillRow(y, c);
    }
  }

  private fillRow(y: number, c: Rgb): void {
    const img = this.img;
    for (let i = y * this.w * 3, end = i + this.w * 3; i < end; i += 3) {
      img[i] = c[0];
      img[i + 1] = c[1];
      img[i + 2] = c[2];
    }
  }

  /** Light spreading from the sun over the sky. */
  private glow(
    sun: { x: number; y: number; r: number },
    p: Palette,
    strength: number,
    hy: number,
  ): void {
    const img = this.img;
    const w = this.w;
    const perUnit = EXP_STEPS / (Math.min(w, this.h) * 0.22);
    const limit = 8 * EXP_STEPS;
    const [cr, cg, cb] = mixRgb(p.sun, p.horizon, 0.35);
    const k = strength * 0.9;
    for (let y = 0; y < Math.min(this.h, Math.ceil(hy) + 1); y++) {
      const dy = (y - sun.y) * 1.35;
      const dy2 = dy * dy;
      for (let x = 0, i = y * w * 3; x < w; x++, i += 3) {
        const dx = x - sun.x;
        const v = Math.sqrt(dx * dx + dy2) * perUnit;
        if (v >= limit) continue;
        const g = k * EXP_TABLE[v | 0]!;
        img[i] = img[i]! + (cr - img[i]!) * g;
        img[i + 1] = img[i + 1]! + (cg - img[i + 1]!) * g;
        img[i + 2] = img[i + 2]! + (cb - img[i + 2]!) * g;
      }
    }
  }

  private stars(hy: number): void {
    const count = Math.round((this.w * hy) / 900);
    for (let k = 0; k < count; k++) {
      const x = Math.floor(this.rng() * this.w);
      const y = Math.floor(this.rng() * hy * 0.92);
      const b = Math.pow(this.rng(), 3) * 0.9 + 0.1;
      // Fainter near the horizon, where the sky is bright.
      this.blend(x, y, [255, 250, 240], b * (1 - y / hy));
    }
  }

  /** The sun or moon: an anti-aliased disc, optionally with retro stripes across its lower half. */
  private disc(sun: { x: number; y: number; r: number }, colour: Rgb, striped: boolean): void {
    const { x: cx, y: cy, r } = sun;
    for (let y = Math.max(0, Math.floor(cy - r - 1)); y < Math.min(this.h, cy + r + 1); y++) {
      const below = (y - cy) / r;
      if (striped && below > 0 && below * 5 - Math.floor(below * 5) < below / 1.6) continue;
      for (let x = Math.max(0, Math.floor(cx - r - 1)); x < Math.min(this.w, cx + r + 1); x++) {
        const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
        const a = clamp01(r - d + 0.5);
        if (a > 0) this.blend(x, y, mixRgb(colour, [255, 255, 255], 0.3 * (1 - d / r)), a);
      }
    }
  }

  /** A bank of soft elliptical puffs, lit from below by the horizon. */
  private cloudBank(p: Palette, hy: number, opacity: number): void {
    const rng = this.rng;
    const cx = rng() * this.w;
    const cy = between(rng, 0.08, 0.8) * hy;
    const span = between(rng, 0.15, 0.45) * this.w;
    const puffs = 3 + Math.floor(rng() * 5);
    const lit = mixRgb(p.cloud, p.horizon, between(rng, 0, 0.5));
    const base = Math.min(this.w, this.h);
    for (let k = 0; k < puffs; k++) {
      const px = cx + (rng() - 0.5) * span;
      const py = cy + (rng() - 0.5) * base * 0.03;
      const rx = between(rng, 0.04, 0.12) * base;
      const ry = rx * between(rng, 0.22, 0.4);
      this.puff(px, py, rx, ry, lit, opacity * between(rng, 0.4, 0.8));
    }
  }

  /** A soft ellipse: opacity falls off smoothly to zero at its rim; a little brighter on top. */
  private puff(cx: number, cy: number, rx: number, ry: number, c: Rgb, alpha: number): void {
    const img = this.img;
    for (let y = Math.max(0, Math.floor(cy - ry)); y < Math.min(this.h, cy + ry); y++) {
      const dy = (y - cy) / ry;
      const lift = dy < 0 ? 0.15 * -dy : 0;
      const r = c[0] + (255 - c[0]) * lift;
      const g = c[1] + (255 - c[1]) * lift;
      const b = c[2] + (255 - c[2]) * lift;
      for (let x = Math.max(0, Math.floor(cx - rx)); x < Math.min(this.w, cx + rx); x++) {
        const dx = (x - cx) / rx;
        const e = dx * dx + dy * dy;
        if (e >= 1) continue;
        const a = alpha * (1 - e) * (1 - e);
        const i = (y * this.w + x) * 3;
        img[i] = img[i]! + (r - img[i]!) * a;
        img[i + 1] = img[i + 1]! + (g - img[i + 1]!) * a;
        img[i + 2] = img[i + 2]! + (b - img[i + 2]!) * a;
      }
    }
  }

  /** Floating spheres with a highlight: the picture's surreal streak (`--weird`). */
  private orbs(p: Palette, hy: number, weird: number): void {
    const n = 1 + Math.floor(weird * 4 * this.rng());
    for (let k = 0; k < n; k++) {
      const r = between(this.rng, 0.02, 0.07) * Math.min(this.w, this.h);
      const cx = this.rng() * this.w;
      const cy = between(this.rng, 0.1, 0.85) * hy;
      const c = adjust(p.accent, between(this.rng, -40, 40));
      for (let y = Math.max(0, Math.floor(cy - r - 1)); y < Math.min(this.h, cy + r + 1); y++) {
        for (let x = Math.max(0, Math.floor(cx - r - 1)); x < Math.min(this.w, cx + r + 1); x++) {
          const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
          const a = clamp01(r - d + 0.5);
          if (a <= 0) continue;
          const hl = clamp01(1 - Math.hypot(x - (cx - r * 0.35), y - (cy - r * 0.35)) / r);
          this.blend(
            x,
            y,
            mixRgb(shade(c, 0.6 + 0.4 * (1 - d / r)), [255, 255, 255], hl * hl),
            a * 0.92,
          );
        }
      }
    }
  }

  /**
   * Ridge lines from far (hazy, high) to near (dark, low), each lit on the sun's side. Each layer
   * is painted only down to the top of the nearer ones (they would hide it anyway).
   */
  private ridges(s: Scene, hy: number, sunX: number): void {
    const { w, h, img } = this;
    const p = s.palette;
    const n = s.layers;
    const bottom = s.water ? Math.ceil(hy) : h;
    const tops: Float32Array[] = [];
    const bases: number[] = [];
    for (let layer = 0; layer < n; layer++) {
      const depth = n === 1 ? 0.15 : layer / (n - 1);
      const base = s.water ? hy : hy + (h - hy) * depth * 0.55;
      bases.push(base);
      const amp = h * this.amplitude(s.land) * (1 - depth * 0.45);
      const shape = this.ridgeShape(s.land);
      const ridge = new Float32Array(w);
      for (let x = 0; x < w; x++) ridge[x] = base - amp * shape(x / w);
      tops.push(ridge);
    }
    const [hr, hg, hb] = mixRgb(p.horizon, p.far, 0.3);
    const mist = h * 0.1;
    const lightDepth = h * 0.05;
    const reach = Math.max(2, Math.round(w / 90));
    for (let layer = 0; layer < n; layer++) {
      const ridge = tops[layer]!;
      const depth = n === 1 ? 0.15 : layer / (n - 1);
      const [cr, cg, cb] = mixRgb(mixRgb(p.far, p.horizon, 0.35), p.near, depth);
      const mistMax = (1 - depth) * 0.75;
      const base = bases[layer]!;
      for (let x = 0; x < w; x++) {
        const top = ridge[x]!;
        let stop = bottom;
        for (let k = layer + 1; k < n; k++) stop = Math.min(stop, Math.ceil(tops[k]![x]!) + 1);
        // A smoothed slope, so lighting changes across faces, not from one column to the next.
        const slope =
          (ridge[Math.min(w - 1, x + reach)]! - ridge[Math.max(0, x - reach)]!) / (2 * reach);
        const facing = clamp01((x < sunX ? slope : -slope) * 1.2 + 0.5);
        const lightFactor = 0.88 + 0.24 * facing;
        for (let y = Math.max(0, Math.floor(top)); y < stop; y++) {
          const below = y - top;
          const cover = clamp01(below + 1);
          // Mist pools in the valleys: it thickens toward the layer's foot, level across columns.
          const m = mistMax * smoothstep(base - mist * 1.5, base + mist * 0.5, y);
          const lf = lightFactor + (1 - lightFactor) * smoothstep(0, lightDepth, below);
          const dark = s.water ? 1 : 1 - 0.3 * depth * smoothstep(hy, h, y);
          const r = (cr * lf + (hr - cr * lf) * m) * dark;
          const g = (cg * lf + (hg - cg * lf) * m) * dark;
          const b = (cb * lf + (hb - cb * lf) * m) * dark;
          const i = (y * w + x) * 3;
          img[i] = img[i]! + (r - img[i]!) * cover;
          img[i + 1] = img[i + 1]! + (g - img[i + 1]!) * cover;
          img[i + 2] = img[i + 2]! + (b - img[i + 2]!) * cover;
        }
      }
    }
  }

  private amplitude(land: Land): number {
    switch (land) {
      case 'peaks':
        return between(this.rng, 0.16, 0.3);
      case 'hills':
        return between(this.rng, 0.07, 0.14);
      case 'dunes':
        return between(this.rng, 0.05, 0.1);
      case 'sea':
        return between(this.rng, 0.02, 0.05);
    }
  }

  /** The skyline profile (0–1) of one ridge; periodic so a tiled picture wraps. */
  private ridgeShape(land: Land): (u: number) => number {
    const rng = this.rng;
    const o1 = valueNoise(rng, between(rng, 2, 4));
    const o2 = valueNoise(rng, between(rng, 6, 10));
    const o3 = valueNoise(rng, between(rng, 16, 26));
    const o4 = valueNoise(rng, between(rng, 40, 60));
    switch (land) {
      case 'peaks':
        return (u) => {
          const r = 1 - Math.abs(o2(u) * 2 - 1);
          return clamp01(0.45 * o1(u) + 0.4 * r * r + 0.12 * o3(u) + 0.04 * o4(u));
        };
      case 'hills':
        return (u) => clamp01(0.7 * o1(u) + 0.3 * o2(u) + 0.02 * o4(u));
      case 'dunes':
        return (u) => clamp01(0.5 * o1(u) + 0.5 * Math.pow(o2(u), 1.8));
      case 'sea':
        // Low islands far away: mostly flat, a few bumps.
        return (u) => clamp01((o2(u) - 0.55) * 2.4 + 0.15 * o3(u));
    }
  }

  /** Mirrors everything above the horizon, rippled and darkened, with a glitter path under the sun. */
  private water(p: Palette, hy: number, sun: { x: number; y: number; r: number }): void {
    const { w, h, img } = this;
    const start = Math.ceil(hy);
    const phase = this.rng() * 6.28;
    const phase2 = this.rng() * 6.28;
    const depthSpan = Math.max(1, h - start);
    // sin(a + b) = sin a cos b + cos a sin b: per-column tables keep sin() out of the pixel loop.
    const colSin = new Float32Array(w);
    const colCos = new Float32Array(w);
    const wobble = new Float32Array(w);
    for (let x = 0; x < w; x++) {
      colSin[x] = Math.sin(x * 0.01);
      colCos[x] = Math.cos(x * 0.01);
      wobble[x] = Math.sin(x * 0.35) * 2;
    }
    const [wr, wg, wb] = p.water;
    const [sr, sg, sb] = p.sun;
    for (let y = start; y < h; y++) {
      const dy = y - hy;
      const depth = dy / depthSpan;
      const srcRow = Math.max(0, Math.min(start - 1, Math.floor(hy - dy * 0.92 - 1))) * w;
      const amp = 0.6 + dy * 0.035;
      const rowSin = Math.sin(y * 0.9 + phase) * amp;
      const rowCos = Math.cos(y * 0.9 + phase) * amp;
      const drift = Math.sin(y * 0.27 + phase2) * amp * 0.6;
      const tint = 0.22 + 0.45 * depth;
      const glitterWidth = sun.r * (1.2 + depth * 4);
      const glitter = 0.55 * (1 - depth * 0.6);
      for (let x = 0; x < w; x++) {
        const off = rowSin * colCos[x]! + rowCos * colSin[x]! + drift;
        const sx = Math.max(0, Math.min(w - 1, Math.round(x + off)));
        const si = (srcRow + sx) * 3;
        const i = (y * w + x) * 3;
        let r = img[si]! * 0.88;
        let g = img[si + 1]! * 0.88;
        let b = img[si + 2]! * 0.88;
        r += (wr - r) * tint;
        g += (wg - g) * tint;
        b += (wb - b) * tint;
        const gx = Math.abs(x - sun.x) / glitterWidth;
        if (gx < 1) {
          const sparkle = Math.max(0, Math.sin(y * 1.7 + phase + wobble[x]!)) ** 6;
          const a = (1 - gx) * sparkle * glitter;
          r += (sr - r) * a;
          g += (sg - g) * a;
          b += (sb - b) * a;
        }
        img[i] = r;
        img[i + 1] = g;
        img[i + 2] = b;
      }
    }
    // A faint bright line where water meets land.
    if (start < h) this.blendRow(start, mixRgb(p.horizon, [255, 255, 255], 0.3), 0.25);
  }

  /** `--tile`: a seamless field of interfering waves with soft blobs, wrapped at every edge. */
  pattern(s: Scene): void {
    const { w, h, img, rng } = this;
    const p = s.palette;
    const waves = Array.from({ length: 4 }, () => ({
      kx: 1 + Math.floor(rng() * 4),
      ky: Math.floor(rng() * 4) - 1,
      ph: rng() * Math.PI * 2,
      a: between(rng, 0.5, 1),
    }));
    const total = waves.reduce((sum, wv) => sum + wv.a, 0);
    // Per-axis tables (angle addition again) so the pixel loop has no trigonometry.
    const n = waves.length;
    const colSin = new Float32Array(n * w);
    const colCos = new Float32Array(n * w);
    waves.forEach((wv, k) => {
      for (let x = 0; x < w; x++) {
        const a = (2 * Math.PI * wv.kx * x) / w + wv.ph;
        colSin[k * w + x] = (Math.sin(a) * wv.a) / total;
        colCos[k * w + x] = (Math.cos(a) * wv.a) / total;
      }
    });
    const rowCos = new Float32Array(n);
    const rowSin = new Float32Array(n);
    const stops = [p.skyTop, p.skyMid, p.horizon, p.cloud, p.far, p.near];
    const last = stops.length - 1;
    // The colour ramp, tabulated at 1/1024 steps.
    const ramp = new Float32Array(1025 * 3);
    for (let j = 0; j <= 1024; j++) {
      const pos = (j / 1024) * last;
      const lo = Math.min(last - 1, Math.floor(pos));
      const a = stops[lo]!;
      const b = stops[lo + 1]!;
      const u = pos - lo;
      // Topographic contour lines give the field a drawn look.
      const line = ((j / 1024) * 9) % 1 < 0.06 ? 0.85 : 1;
      ramp[j * 3] = (a[0] + (b[0] - a[0]) * u) * line;
      ramp[j * 3 + 1] = (a[1] + (b[1] - a[1]) * u) * line;
      ramp[j * 3 + 2] = (a[2] + (b[2] - a[2]) * u) * line;
    }
    for (let y = 0; y < h; y++) {
      waves.forEach((wv, k) => {
        const b = (2 * Math.PI * wv.ky * y) / h;
        rowCos[k] = Math.cos(b);
        rowSin[k] = Math.sin(b);
      });
      for (let x = 0, i = y * w * 3; x < w; x++, i += 3) {
        let f = 0;
        for (let k = 0; k < n; k++)
          f += colSin[k * w + x]! * rowCos[k]! + colCos[k * w + x]! * rowSin[k]!;
        const j = Math.round(clamp01(f / 2 + 0.5) * 1024) * 3;
        img[i] = ramp[j]!;
        img[i + 1] = ramp[j + 1]!;
        img[i + 2] = ramp[j + 2]!;
      }
    }
    const blobs = 3 + Math.floor(rng() * 4);
    for (let k = 0; k < blobs; k++) {
      const r = between(rng, 0.06, 0.16) * Math.min(w, h);
      const cx = rng() * w;
      const cy = rng() * h;
      const c = mixRgb(adjust(p.accent, between(rng, -30, 30)), p.horizon, 0.4);
      // Draw the wrapped copies too so the blob continues across the edges.
      for (const ox of [-w, 0, w]) {
        for (const oy of [-h, 0, h]) {
          const x = cx + ox;
          const y = cy + oy;
          if (x + r > 0 && x - r < w && y + r > 0 && y - r < h) this.puff(x, y, r, r, c, 0.5);
        }
      }
    }
  }

  private blend(x: number, y: number, c: Rgb, a: number): void {
    const img = this.img;
    const i = (y * this.w + x) * 3;
    img[i] = img[i]! + (c[0] - img[i]!) * a;
    img[i + 1] = img[i + 1]! + (c[1] - img[i + 1]!) * a;
    img[i + 2] = img[i + 2]! + (c[2] - img[i + 2]!) * a;
  }

  private blendRow(y: number, c: Rgb, a: number): void {
    for (let x = 0; x < this.w; x++) this.blend(x, y, c, a);
  }
}
