/**
 * The words of the engine's `/midjourney/describe` (reference other-endpoints §3): four
 * different prompts made only from what the image's pixels show (`readLook` in
 * `server/engine/pictures/describe-image.ts`): its named colours, brightness, contrast, saturation,
 * where its light and its mass sit, and its shape. Each ends in ` --ar W:H` for the image's
 * real aspect ratio (`describeRatio`). Pure and deterministic.
 */
import type { ColourShare, ImageLook, Place } from '../../engine/pictures/describe-image';

/** Ratios people use, which a near miss of up to 1 % is reported as (1456×816 → 16:9). */
const COMMON_RATIOS: readonly [number, number][] = [
  [1, 1],
  [5, 4],
  [4, 5],
  [4, 3],
  [3, 4],
  [3, 2],
  [2, 3],
  [8, 5],
  [5, 8],
  [5, 3],
  [3, 5],
  [7, 4],
  [4, 7],
  [16, 9],
  [9, 16],
  [2, 1],
  [1, 2],
  [21, 9],
  [9, 21],
  [3, 1],
  [1, 3],
];

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * The aspect ratio describe reports for a W×H image. The rule:
 * 1. the exact ratio, reduced, when both terms are at most 16 (1024×768 → 4:3, 1200×900 → 4:3);
 * 2. else a common ratio (table above) within 1 % of it (1456×816, exactly 91:51 → 16:9);
 * 3. else the closest fraction with both terms at most 100, smallest terms on a tie
 *    (1200×704 → 75:44, as the provider's own example says).
 */
export function describeRatio(width: number, height: number): { w: number; h: number } {
  if (!(width > 0 && height > 0)) throw new RangeError(`bad image size ${width}×${height}`);
  const w0 = Math.round(width);
  const h0 = Math.round(height);
  const g = gcd(w0, h0);
  if (w0 / g <= 16 && h0 / g <= 16) return { w: w0 / g, h: h0 / g };
  const r = width / height;
  const common = COMMON_RATIOS.map(([w, h]) => ({ w, h, off: Math.abs(w / h / r - 1) }))
    .filter((c) => c.off <= 0.01)
    .sort((a, b) => a.off - b.off)[0];
  if (common) return { w: common.w, h: common.h };
  let best = { w: 1, h: 1, err: Infinity };
  for (let h = 1; h <= 100; h++) {
    const w = Math.round(r * h);
    if (w < 1 || w > 100) continue;
    const err = Math.abs(w / h - r);
    if (err < best.err - 1e-12) best = { w, h, err };
  }
  return { w: best.w, h: best.h };
}

function lightWord(b: number): string {
  if (b < 0.22) return 'dark';
  if (b < 0.42) return 'dim';
  if (b < 0.68) return 'softly lit';
  return 'bright';
}

function contrastWord(c: number): string {
  if (c < 0.04) return 'flat, even tone';
  if (c < 0.14) return 'gentle contrast';
  if (c < 0.25) return 'clear contrast';
  return 'high contrast';
}

function saturationWord(s: number): string {
  if (s < 0.12) return 'muted, desaturated colors';
  if (s < 0.4) return 'natural colors';
  if (s < 0.7) return 'rich colors';
  return 'vivid saturated colors';
}

function shapeWord(width: number, height: number): string {
  if (width === height) return 'square';
  return width > height ? 'wide' : 'tall';
}

/** "on the left", "at the top right", "in the center". */
function at(place: Place): string {
  if (place === 'center') return 'in the center';
  if (place === 'left' || place === 'right') return `on the ${place}`;
  return `at the ${place}`;
}

function palette(colours: readonly ColourShare[]): string {
  const names = colours.map((c) => c.name);
  if (names.length === 0) return 'mixed colors';
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
}

/** What the layout suggests, named only from the measurements. */
function sceneWord(look: ImageLook): string {
  if (look.contrast < 0.04) return 'minimal color field';
  if (look.topMinusBottom > 0.15) return 'landscape under a bright sky';
  if (look.topMinusBottom < -0.15) return 'scene lit from below';
  if (look.brightness < 0.22) return 'night scene';
  return 'abstract composition';
}

/** Four different prompts describing the look, each ending in ` --ar W:H`. */
export function describePrompts(look: ImageLook): string[] {
  const { w, h } = describeRatio(look.width, look.height);
  const ar = ` --ar ${w}:${h}`;
  const light = lightWord(look.brightness);
  const main = look.colours[0]?.name ?? 'gray';
  const second = look.colours[1]?.name;
  const shape = shapeWord(look.width, look.height);
  const scene = sceneWord(look);
  const glow = look.brightness < 0.42 ? 'a glow' : 'the brightest light';
  return [
    `a ${light} ${shape} ${scene} in ${palette(look.colours)}, ${glow} ${at(look.brightest)}, ${contrastWord(look.contrast)}, ${saturationWord(look.saturation)}${ar}`,
    `${/dark|black/.test(main) && light === 'dark' ? '' : `${light} `}${main} tones${second ? ` with ${second} accents` : ''}, the main mass ${at(look.mass)}, ${shape} frame, ${contrastWord(look.contrast)}${ar}`,
    `a ${shape} ${scene} of ${main}${second ? ` against ${second}` : ''}, ${light} mood, light falling ${at(look.brightest)}, in the style of color field painting, ${saturationWord(look.saturation)}${ar}`,
    `${palette(look.colours)} palette, ${light} and ${look.contrast < 0.14 ? 'calm' : 'dramatic'}, weight ${at(look.mass)}, cinematic ${shape} composition${ar}`,
  ];
}
