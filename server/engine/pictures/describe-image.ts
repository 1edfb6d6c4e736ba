/**
 * What an image really contains, measured on its pixels, for the engine's `/midjourney/describe`
 * (the words are made in `server/endpoints/describe/describe-prompts.ts`). Everything is computed from a small
 * resample of the decoded image, so the look of a 4 MP grid costs little and is deterministic.
 */
import sharp from 'sharp';
import { type Rgb, toHsl } from './pictures-colour';

/** A place in the frame, as a 3×3 grid names it. */
export type Place =
  | 'top left'
  | 'top'
  | 'top right'
  | 'left'
  | 'center'
  | 'right'
  | 'bottom left'
  | 'bottom'
  | 'bottom right';

/** A named colour and the share of the picture it covers (0–1). */
export interface ColourShare {
  name: string;
  share: number;
}

/** The measured look of an image. */
export interface ImageLook {
  width: number;
  height: number;
  /** Named colours covering at least 8 % of the picture, largest first (at most four). */
  colours: ColourShare[];
  /** Mean perceived lightness (CIE L*), 0 (black) – 1 (white). */
  brightness: number;
  /** Standard deviation of lightness, 0 – 0.5. */
  contrast: number;
  /** Mean chroma (max − min channel), 0 – 1: how colourful, independent of lightness. */
  saturation: number;
  /** The brightest ninth of the frame. */
  brightest: Place;
  /**
   * Where the visual weight sits: the centroid of light and colour (bright, colourful pixels
   * draw the eye), named by the ninth it falls in.
   */
  mass: Place;
  /** Mean lightness of the top third minus the bottom third (a bright sky over dark ground > 0). */
  topMinusBottom: number;
}

/**
 * The colour-name table: hue ranges (degrees) with their names, then light/dark variants. A
 * pixel is named by its hue, or as black/gray/white when it has too little colour to have one.
 */
const HUE_NAMES: readonly { from: number; to: number; name: string }[] = [
  { from: 0, to: 12, name: 'red' },
  { from: 12, to: 40, name: 'orange' },
  { from: 40, to: 68, name: 'yellow' },
  { from: 68, to: 160, name: 'green' },
  { from: 160, to: 195, name: 'teal' },
  { from: 195, to: 255, name: 'blue' },
  { from: 255, to: 290, name: 'purple' },
  { from: 290, to: 335, name: 'magenta' },
  { from: 335, to: 360, name: 'red' },
];

/** The name of one colour: "dark blue", "pale yellow", "brown", "gray"… */
export function colourName(rgb: Rgb): string {
  const [hue, sat, light] = toHsl(rgb);
  if (light < 0.08) return 'black';
  if (light > 0.94) return 'white';
  if (sat < 0.15) return light < 0.35 ? 'dark gray' : light > 0.7 ? 'light gray' : 'gray';
  const base = HUE_NAMES.find((h) => hue >= h.from && hue < h.to)?.name ?? 'red';
  if (base === 'orange' && light < 0.4) return 'brown';
  if (base === 'red' && light > 0.72) return 'pink';
  if (light < 0.3) return `dark ${base}`;
  if (light > 0.72) return `pale ${base}`;
  return base;
}

/** Side of the square the image is resampled to for measuring. */
const SAMPLE = 48;

const PLACES: readonly Place[] = [
  'top left',
  'top',
  'top right',
  'left',
  'center',
  'right',
  'bottom left',
  'bottom',
  'bottom right',
];

/** sRGB channel (0–255) to linear light. */
const LINEAR = Float64Array.from({ length: 256 }, (_, v) => {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
});

/**
 * Perceived lightness (CIE L*, scaled 0–1). Plain luma would call pure red "dark" (0.21); L*
 * says 0.53, which is how it looks.
 */
const lumaOf = (r: number, g: number, b: number): number => {
  const y = 0.2126 * LINEAR[r]! + 0.7152 * LINEAR[g]! + 0.0722 * LINEAR[b]!;
  return (y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (24389 / 27) * y) / 100;
};

/** The ninth a point (fractions of width and height) falls in; the middle band is wider. */
function placeAt(fx: number, fy: number): Place {
  const band = (f: number): number => (f < 0.4 ? 0 : f > 0.6 ? 2 : 1);
  return PLACES[band(fy) * 3 + band(fx)]!;
}

/** Measures an image (any format sharp reads; EXIF-oriented; transparency onto black). */
export async function readLook(bytes: Buffer): Promise<ImageLook> {
  const meta = await sharp(bytes).metadata();
  // The size as shown (EXIF rotation applied), which is what the aspect ratio must describe.
  const width = meta.autoOrient.width;
  const height = meta.autoOrient.height;
  const { data } = await sharp(bytes)
    .autoOrient()
    .resize(SAMPLE, SAMPLE, { fit: 'fill', kernel: 'cubic' })
    .flatten({ background: '#000000' })
    .toColourspace('srgb')
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });

  const counts = new Map<string, number>();
  const cellLuma = new Float64Array(9);
  const cellN = new Float64Array(9);
  let weightSum = 0;
  let weightX = 0;
  let weightY = 0;
  let lumaSum = 0;
  let lumaSq = 0;
  let satSum = 0;
  const n = SAMPLE * SAMPLE;
  for (let y = 0; y < SAMPLE; y++) {
    for (let x = 0; x < SAMPLE; x++) {
      const i = (y * SAMPLE + x) * 3;
      const rgb: Rgb = [data[i]!, data[i + 1]!, data[i + 2]!];
      const name = colourName(rgb);
      counts.set(name, (counts.get(name) ?? 0) + 1);
      const l = lumaOf(...rgb);
      lumaSum += l;
      lumaSq += l * l;
      const chroma = (Math.max(...rgb) - Math.min(...rgb)) / 255;
      satSum += chroma;
      const weight = 0.5 * l + 0.5 * chroma;
      weightSum += weight;
      weightX += weight * (x + 0.5);
      weightY += weight * (y + 0.5);
      const cell = Math.floor((y * 3) / SAMPLE) * 3 + Math.floor((x * 3) / SAMPLE);
      cellLuma[cell]! += l;
      cellN[cell]! += 1;
    }
  }
  const brightness = lumaSum / n;
  const contrast = Math.sqrt(Math.max(0, lumaSq / n - brightness * brightness));
  const colours = [...counts.entries()]
    .map(([name, c]) => ({ name, share: c / n }))
    .filter((c) => c.share >= 0.08)
    .sort((a, b) => b.share - a.share || a.name.localeCompare(b.name))
    .slice(0, 4);

  const cells = PLACES.map((place, k) => ({ place, lum: cellLuma[k]! / cellN[k]! }));
  // The brightest region: the middle of every ninth within 0.02 of the brightest, so a bright
  // left column reads "left", not its first cell.
  const top = Math.max(...cells.map((c) => c.lum));
  const lit = cells.map((c, k) => ({ ...c, k })).filter((c) => c.lum >= top - 0.02);
  const brightest = placeAt(
    lit.reduce((s, c) => s + ((c.k % 3) + 0.5) / 3, 0) / lit.length,
    lit.reduce((s, c) => s + (Math.floor(c.k / 3) + 0.5) / 3, 0) / lit.length,
  );
  const mass =
    weightSum < 1e-6
      ? 'center'
      : placeAt(weightX / weightSum / SAMPLE, weightY / weightSum / SAMPLE);
  const thirdOf = (row: number): number =>
    (cells[row * 3]!.lum + cells[row * 3 + 1]!.lum + cells[row * 3 + 2]!.lum) / 3;

  return {
    width,
    height,
    colours,
    brightness,
    contrast,
    saturation: satSum / n,
    brightest: contrast < 0.02 ? 'center' : brightest,
    mass,
    topMinusBottom: thirdOf(0) - thirdOf(2),
  };
}
