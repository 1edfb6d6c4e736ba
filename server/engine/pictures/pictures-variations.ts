/**
 * The actions that make a new grid from one picture: variations, zoom-out, pan and Vary (Region),
 * each quadrant drawn with its own seed from the source's real pixels.
 */
import {
  analyse,
  featherMask,
  quadrantRng,
  readMask,
  redrawRegion,
  varyOnce,
} from './pictures-edit';
import { outpaint } from './pictures-outpaint';
import { gridOf, resizeRaw, softBlur } from './pictures-raw';
import type { Picture } from './picture';
import { pictureOf, rawOf } from './pictures';
/**
 * A new grid of four variations of `source`, each the source's size: `subtle` reframes and
 * retints a little and washes in faint new light; `strong` goes much further.
 */
export async function varyGrid(
  source: Picture,
  seed: number,
  strength: 'subtle' | 'strong',
): Promise<Picture> {
  const src = await rawOf(source);
  const looks = analyse(src);
  const strong = strength === 'strong';
  const quads = await Promise.all(
    [0, 1, 2, 3].map((n) => varyOnce(src, looks, quadrantRng(seed, strong ? 2 : 1, n), strong)),
  );
  return pictureOf(gridOf(quads));
}

/**
 * Zoom out: a new grid whose quadrants are frames of the source's size, the source shrunk to
 * 1/factor pasted exactly in the middle and the surround grown from its edges.
 */
export async function zoomOut(source: Picture, factor: 2 | 1.5, seed: number): Promise<Picture> {
  if (factor !== 2 && factor !== 1.5) throw new RangeError(`no zoom-out ×${String(factor)}`);
  const src = await rawOf(source);
  const w = Math.max(1, Math.round(src.width / factor));
  const h = Math.max(1, Math.round(src.height / factor));
  const inner = await resizeRaw(src, w, h, 'lanczos3');
  const looks = analyse(src);
  const left = Math.floor((src.width - w) / 2);
  const top = Math.floor((src.height - h) / 2);
  const quads = await Promise.all(
    [0, 1, 2, 3].map((n) =>
      outpaint(
        inner,
        src.width,
        src.height,
        left,
        top,
        looks,
        quadrantRng(seed, factor === 2 ? 3 : 4, n),
      ),
    ),
  );
  return pictureOf(gridOf(quads));
}

const PAN_SALT = { left: 5, right: 6, up: 7, down: 8 } as const;

/**
 * Pan: a new grid whose quadrants are the source extended by half its width (left/right) or
 * height (up/down) on that side, the source's pixels kept exactly on the other side.
 */
export async function pan(
  source: Picture,
  dir: 'left' | 'right' | 'up' | 'down',
  seed: number,
): Promise<Picture> {
  if (!(dir in PAN_SALT)) throw new RangeError(`no pan ${String(dir)}`);
  const src = await rawOf(source);
  const looks = analyse(src);
  const horizontal = dir === 'left' || dir === 'right';
  const extra = Math.round((horizontal ? src.width : src.height) / 2);
  const width = src.width + (horizontal ? extra : 0);
  const height = src.height + (horizontal ? 0 : extra);
  const left = dir === 'left' ? extra : 0;
  const top = dir === 'up' ? extra : 0;
  const quads = await Promise.all(
    [0, 1, 2, 3].map((n) =>
      outpaint(src, width, height, left, top, looks, quadrantRng(seed, PAN_SALT[dir], n)),
    ),
  );
  return pictureOf(gridOf(quads));
}

/**
 * Vary (Region): a new grid of source-sized pictures, each redrawn under the white of `mask`
 * (JPEG or PNG, any size; scaled to the source, thresholded at 128) and byte-identical to the
 * source under black.
 */
export async function varyRegion(source: Picture, mask: Buffer, seed: number): Promise<Picture> {
  const src = await rawOf(source);
  const { width: w, height: h } = src;
  const binary = await readMask(mask, w, h);
  const [feather, blurred] = await Promise.all([
    featherMask(binary, w, h, Math.min(w, h) / 80),
    softBlur(src, Math.min(w, h) / 25),
  ]);
  const looks = analyse(src);
  const quads = await Promise.all(
    [0, 1, 2, 3].map((n) =>
      redrawRegion(src, binary, feather, blurred, looks, quadrantRng(seed, 9, n)),
    ),
  );
  return pictureOf(gridOf(quads));
}
