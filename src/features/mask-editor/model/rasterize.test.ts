import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addEntry, clear, EMPTY_MASK, invert, undo, type MaskEntry } from './mask-model';
import { applyEntry, coverage, rasterizeMask } from './rasterize';

const W = 20;
const H = 10;
const at = (m: Uint8Array, x: number, y: number, w = W) => m[y * w + x];
/** The set pixels as "x,y" strings, for exact comparisons of small shapes. */
const on = (m: Uint8Array, w = W) =>
  [...m].flatMap((v, i) => (v ? [`${i % w},${Math.floor(i / w)}`] : []));

describe('rasterizeMask', () => {
  it('starts all black, one byte per pixel', () => {
    const m = rasterizeMask([], W, H);
    expect(m).toHaveLength(W * H);
    expect(coverage(m)).toBe(0);
  });

  it('fills a rectangle by pixel centres, edges exact', () => {
    const m = rasterizeMask([{ kind: 'rect', x: 2, y: 3, w: 4, h: 2 }], W, H);
    expect(on(m)).toEqual(['2,3', '3,3', '4,3', '5,3', '2,4', '3,4', '4,4', '5,4']);
    expect(at(m, 1, 3)).toBe(0);
    expect(at(m, 6, 3)).toBe(0);
    expect(at(m, 2, 5)).toBe(0);
    expect(at(m, 2, 3)).toBe(255);
  });

  it('normalises a rectangle drawn up-left and clips it to the image', () => {
    const m = rasterizeMask([{ kind: 'rect', x: 22, y: 12, w: -4, h: -4 }], W, H);
    expect(on(m)).toEqual(['18,8', '19,8', '18,9', '19,9']);
  });

  it('paints a single brush point as a disc of the brush diameter', () => {
    const m = rasterizeMask([{ kind: 'brush', size: 5, points: [10.5, 5.5] }], W, H);
    // radius 2.5 around the centre of pixel (10,5): distance ≤ 2.5 from pixel centres
    expect(at(m, 10, 5)).toBe(255);
    expect(at(m, 12, 5)).toBe(255); // distance 2
    expect(at(m, 13, 5)).toBe(0); // distance 3
    expect(at(m, 12, 6)).toBe(255); // √5 ≈ 2.24
    expect(at(m, 12, 7)).toBe(0); // √8 ≈ 2.83
    expect(on(m)).toHaveLength(21);
  });

  it('paints a capsule along a brush segment', () => {
    const m = rasterizeMask([{ kind: 'brush', size: 3, points: [2.5, 5.5, 15.5, 5.5] }], W, H);
    for (let x = 1; x <= 16; x++) {
      expect(at(m, x, 5)).toBe(255);
      if (x >= 2 && x <= 15) {
        expect(at(m, x, 4)).toBe(255);
        expect(at(m, x, 6)).toBe(255);
      }
    }
    expect(at(m, 0, 5)).toBe(0);
    expect(at(m, 17, 5)).toBe(0);
    expect(at(m, 8, 3)).toBe(0);
    expect(at(m, 8, 7)).toBe(0);
    expect(at(m, 1, 4)).toBe(255); // √2 from the end point, inside the round cap
    expect(at(m, 0, 4)).toBe(0);
  });

  it('erases brush pixels with an eraser stroke over them', () => {
    const shapes: MaskEntry[] = [
      { kind: 'rect', x: 0, y: 0, w: W, h: H },
      { kind: 'eraser', size: 2, points: [0, 5, 20, 5] },
    ];
    const m = rasterizeMask(shapes, W, H);
    for (let x = 0; x < W; x++) {
      expect(at(m, x, 4)).toBe(0);
      expect(at(m, x, 5)).toBe(0);
      expect(at(m, x, 3)).toBe(255);
      expect(at(m, x, 6)).toBe(255);
    }
    expect(coverage(m)).toBeCloseTo(0.8);
  });

  it('fills a lasso triangle and leaves its outside alone', () => {
    const m = rasterizeMask([{ kind: 'lasso', points: [0, 0, 10, 0, 0, 10] }], W, H);
    expect(at(m, 0, 0)).toBe(255);
    expect(at(m, 4, 4)).toBe(255); // centre (4.5,4.5): x+y = 9 < 10
    expect(at(m, 5, 4)).toBe(0); // (5.5,4.5): 10 — on the edge, excluded by the half-open rule
    expect(at(m, 8, 0)).toBe(255); // centre x 8.5 < 9.5 where the hypotenuse crosses row 0
    expect(at(m, 9, 0)).toBe(0);
    expect(at(m, 0, 8)).toBe(255);
    expect(at(m, 0, 9)).toBe(0);
    expect(on(m)).toHaveLength(45); // 9 + 8 + … + 1
  });

  it('fills a self-crossing lasso with the non-zero rule (like canvas)', () => {
    // A square traced twice around: winding 2 inside, still filled.
    const sq = [2, 2, 8, 2, 8, 8, 2, 8];
    const m = rasterizeMask([{ kind: 'lasso', points: [...sq, ...sq] }], W, H);
    expect(on(m)).toHaveLength(36);
    expect(at(m, 5, 5)).toBe(255);
  });

  it('subtracts an erasing rectangle and lasso', () => {
    const m = rasterizeMask(
      [
        { kind: 'rect', x: 0, y: 0, w: 10, h: 10 },
        { kind: 'rect', x: 0, y: 0, w: 5, h: 10, erase: true },
        { kind: 'lasso', points: [5, 0, 10, 0, 10, 5, 5, 5], erase: true },
      ],
      W,
      H,
    );
    expect(on(m).length).toBe(25);
    expect(at(m, 4, 9)).toBe(0);
    expect(at(m, 7, 2)).toBe(0);
    expect(at(m, 7, 7)).toBe(255);
  });

  it('inverts, and clears in order', () => {
    const rect: MaskEntry = { kind: 'rect', x: 0, y: 0, w: 5, h: 10 };
    const inv = rasterizeMask([rect, { kind: 'invert' }], W, H);
    expect(at(inv, 0, 0)).toBe(0);
    expect(at(inv, 5, 0)).toBe(255);
    expect(coverage(inv)).toBeCloseTo(0.75);
    const cleared = rasterizeMask([rect, { kind: 'invert' }, { kind: 'clear' }, rect], W, H);
    expect(coverage(cleared)).toBeCloseTo(0.25);
    expect(at(cleared, 5, 0)).toBe(0);
  });

  it('brings a region back when a clear is undone', () => {
    let s = addEntry(EMPTY_MASK, { kind: 'rect', x: 1, y: 1, w: 3, h: 3 });
    s = clear(s);
    expect(coverage(rasterizeMask(s.shapes, W, H))).toBe(0);
    s = undo(s);
    const m = rasterizeMask(s.shapes, W, H);
    expect(on(m)).toHaveLength(9);
    expect(at(m, 3, 3)).toBe(255);
  });

  it('gives the same pixels incrementally as from scratch', () => {
    const shapes: MaskEntry[] = [
      { kind: 'brush', size: 6, points: [1, 1, 18, 8, 3, 9] },
      { kind: 'invert' },
      { kind: 'eraser', size: 3, points: [10, 0, 10, 10] },
    ];
    const inc = new Uint8Array(W * H);
    for (const e of shapes) applyEntry(inc, W, H, e);
    expect(inc).toEqual(rasterizeMask(shapes, W, H));
    expect(invert(EMPTY_MASK).shapes).toHaveLength(1);
  });

  it('keeps strokes partly outside the image inside the raster', () => {
    const m = rasterizeMask([{ kind: 'brush', size: 4, points: [-5, -5, 3, 3] }], W, H);
    expect(at(m, 0, 0)).toBe(255);
    expect(at(m, 2, 2)).toBe(255);
    expect(m).toHaveLength(W * H);
  });
});

/** The brush rule pixel by pixel: a pixel is painted when its centre is within r of a segment. */
function bruteForceStroke(points: number[], size: number, w: number, h: number): Uint8Array {
  const m = new Uint8Array(w * h);
  const r = size / 2;
  const segs: number[][] = [];
  if (points.length < 4) segs.push([points[0]!, points[1]!, points[0]!, points[1]!]);
  for (let i = 0; i + 3 < points.length; i += 2) segs.push(points.slice(i, i + 4));
  for (let py = 0; py < h; py++) {
    for (let px = 0; px < w; px++) {
      const cx = px + 0.5;
      const cy = py + 0.5;
      for (const [ax, ay, bx, by] of segs as [number, number, number, number][]) {
        const dx = bx - ax;
        const dy = by - ay;
        const len2 = dx * dx + dy * dy;
        let t = len2 > 0 ? ((cx - ax) * dx + (cy - ay) * dy) / len2 : 0;
        t = Math.min(1, Math.max(0, t));
        if ((ax + t * dx - cx) ** 2 + (ay + t * dy - cy) ** 2 <= r * r) m[py * w + px] = 255;
      }
    }
  }
  return m;
}

describe('brush strokes filled by spans', () => {
  it('paint exactly the pixels the per-pixel rule paints, for any stroke', () => {
    const coord = fc.double({ min: -8, max: 48, noNaN: true }).map((v) => Math.round(v * 4) / 4);
    fc.assert(
      fc.property(
        fc.array(coord, { minLength: 2, maxLength: 12 }).filter((a) => a.length % 2 === 0),
        fc.integer({ min: 1, max: 30 }),
        (points, size) => {
          const stroke: MaskEntry = { kind: 'brush', size, points };
          expect(on(rasterizeMask([stroke], 40, 30), 40)).toEqual(
            on(bruteForceStroke(points, size, 40, 30), 40),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
