import { describe, expect, it } from 'vitest';
import { addEntry, clear, EMPTY_MASK, invert, redo, undo, type MaskState } from './mask-model';
import { createRasterCache } from './raster-cache';
import { rasterizeMask } from './rasterize';

const W = 40;
const H = 30;

describe('raster cache', () => {
  it('matches a full rasterisation through draws, undos, redos, clears and inverts', () => {
    const cache = createRasterCache(W, H);
    const steps: ((s: MaskState) => MaskState)[] = [
      (s) => addEntry(s, { kind: 'brush', size: 6, points: [2, 2, 30, 20] }),
      (s) => addEntry(s, { kind: 'rect', x: 10, y: 5, w: 8, h: 20 }),
      invert,
      undo,
      undo,
      redo,
      (s) => addEntry(s, { kind: 'eraser', size: 4, points: [0, 10, 40, 10] }),
      clear,
      undo,
      (s) => addEntry(s, { kind: 'lasso', points: [20, 0, 39, 29, 0, 29] }),
      undo,
      undo,
      undo,
    ];
    let s = EMPTY_MASK;
    expect(cache.get(s.shapes)).toEqual(new Uint8Array(W * H));
    for (const step of steps) {
      s = step(s);
      expect(cache.get(s.shapes)).toEqual(rasterizeMask(s.shapes, W, H));
    }
  });

  it('does not let a later draw change an earlier result', () => {
    const cache = createRasterCache(W, H);
    const a = addEntry(EMPTY_MASK, { kind: 'rect', x: 0, y: 0, w: 5, h: 5 });
    const first = cache.get(a.shapes);
    const snapshot = first.slice();
    cache.get(addEntry(a, { kind: 'rect', x: 20, y: 20, w: 5, h: 5 }).shapes);
    expect(first).toEqual(snapshot);
  });
});
