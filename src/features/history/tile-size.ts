/**
 * The gallery's fixed geometry. Tiles never change size as images arrive, so nothing jumps, and
 * the virtualiser knows every row's height without measuring.
 */

/** Width of a tile and of its square picture, in CSS pixels. */
export const TILE_WIDTH = 168;
/** Picture plus caption and meta line. */
export const TILE_HEIGHT = 220;
/** Space between tiles, both ways. */
export const TILE_GAP = 10;
/** One virtual row: a line of tiles and the gap under it. */
export const ROW_HEIGHT = TILE_HEIGHT + TILE_GAP;

/** How many tiles fit side by side in `width` (at least one). */
export function columnsFor(width: number): number {
  return Math.max(1, Math.floor((width + TILE_GAP) / (TILE_WIDTH + TILE_GAP)));
}

/** The ids of row `row` when `ids` are laid out `columns` wide. */
export function rowIds(ids: readonly string[], row: number, columns: number): readonly string[] {
  return ids.slice(row * columns, row * columns + columns);
}
