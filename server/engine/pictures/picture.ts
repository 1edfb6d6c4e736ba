/**
 * A picture as the engine keeps it and its stream previews: a leaf the core's records (task
 * store, context, attachment links) name without importing the painters.
 */

/** A lossless picture and its pixel size. */
export interface Picture {
  png: Buffer;
  width: number;
  height: number;
}

/** Blurry WebP previews for a stream line (`raw` long side 512, `thumb` 256). */
export interface Preview {
  raw: Buffer;
  thumb: Buffer;
  /** Long side of `raw` in pixels (512). */
  rawSize: number;
  /** Long side of `thumb` in pixels (256). */
  thumbSize: number;
  rawWidth: number;
  rawHeight: number;
  thumbWidth: number;
  thumbHeight: number;
}
