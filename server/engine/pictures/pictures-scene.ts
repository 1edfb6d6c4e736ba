import { type Rgb, adjust, clamp01, hsl, mixRgb, shade, toHsl } from './pictures-colour';
import { type Rng, between, hashString, mulberry32, pick } from './pictures-random';
import { Painter } from './pictures-painter';
import type { Idea, Land, Mood, Palette, Scene } from './scene-types';

/**
 * The procedural painter behind every local-engine picture: a sky of layered gradients, a sun
 * or moon with its glow, soft cloud banks, hazy ridges down to a horizon, and water that
 * mirrors it all. It paints raw RGB floats in plain loops (fast enough at a few hundred pixels a
 * side; callers render small and let sharp upsample, which also softens the shapes).
 */

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
