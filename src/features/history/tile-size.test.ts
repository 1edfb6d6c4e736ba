import { describe, expect, it } from 'vitest';
import { TILE_GAP, TILE_WIDTH, columnsFor, rowIds } from './tile-size';

describe('gallery geometry', () => {
  it('fits whole tiles only, at least one', () => {
    expect(columnsFor(0)).toBe(1);
    expect(columnsFor(TILE_WIDTH)).toBe(1);
    expect(columnsFor(2 * TILE_WIDTH + TILE_GAP - 1)).toBe(1);
    expect(columnsFor(2 * TILE_WIDTH + TILE_GAP)).toBe(2);
    expect(columnsFor(1000)).toBe(Math.floor((1000 + TILE_GAP) / (TILE_WIDTH + TILE_GAP)));
  });

  it('slices rows, the last one short', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    expect(rowIds(ids, 0, 2)).toEqual(['a', 'b']);
    expect(rowIds(ids, 2, 2)).toEqual(['e']);
    expect(rowIds(ids, 3, 2)).toEqual([]);
  });
});
