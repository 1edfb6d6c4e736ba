import type { MaskEntry } from './mask-model';
import { applyEntry, rasterizeMask } from './rasterize';

/**
 * Rasterising the whole history on every pointer-up grows with the history; the usual changes
 * are "one more entry" (draw) and "one fewer" (undo). This keeps the rasters of the last few
 * states and derives the next one from the longest remembered prefix. Results always equal
 * `rasterizeMask(shapes, width, height)`; the returned arrays are shared and must not be mutated.
 */
export interface RasterCache {
  get(shapes: readonly MaskEntry[]): Uint8Array;
}

/** How many past rasters to keep (each is width × height bytes). */
const KEEP = 6;

/** A cache for one image size. */
export function createRasterCache(width: number, height: number): RasterCache {
  let kept: { shapes: readonly MaskEntry[]; raster: Uint8Array }[] = [];

  function prefixOf(candidate: readonly MaskEntry[], shapes: readonly MaskEntry[]): boolean {
    if (candidate.length > shapes.length) return false;
    for (let i = 0; i < candidate.length; i++) if (candidate[i] !== shapes[i]) return false;
    return true;
  }

  return {
    get(shapes) {
      let best: (typeof kept)[number] | undefined;
      for (const k of kept) {
        if (prefixOf(k.shapes, shapes) && (!best || k.shapes.length > best.shapes.length)) best = k;
      }
      let raster: Uint8Array;
      if (best && best.shapes.length === shapes.length) {
        raster = best.raster;
      } else if (best) {
        raster = best.raster.slice();
        for (let i = best.shapes.length; i < shapes.length; i++) {
          applyEntry(raster, width, height, shapes[i]!);
        }
      } else {
        raster = rasterizeMask(shapes, width, height);
      }
      kept = [{ shapes, raster }, ...kept.filter((k) => k.raster !== raster)].slice(0, KEEP);
      return raster;
    },
  };
}
