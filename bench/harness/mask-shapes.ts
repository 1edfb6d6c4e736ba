/**
 * Deterministic mask histories for the mask benches: freehand brush strokes like a person's,
 * plus a rectangle and a lasso. Pure, so the browser harness pages and Node can both use it.
 */
import type { MaskEntry, StrokeShape } from '../../src/features/mask-editor/model/mask-model';

/** A small seeded PRNG (mulberry32): the same shapes on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` wandering brush strokes of `points` points each over a `size`-pixel square image. */
export function brushStrokes(count: number, size: number, seed = 1, points = 24): StrokeShape[] {
  const random = seededRandom(seed);
  const strokes: StrokeShape[] = [];
  for (let s = 0; s < count; s++) {
    let x = random() * size;
    let y = random() * size;
    let heading = random() * Math.PI * 2;
    const coords: number[] = [];
    for (let p = 0; p < points; p++) {
      coords.push(Math.round(x * 10) / 10, Math.round(y * 10) / 10);
      heading += (random() - 0.5) * 0.8;
      x = Math.min(size, Math.max(0, x + Math.cos(heading) * size * 0.012));
      y = Math.min(size, Math.max(0, y + Math.sin(heading) * size * 0.012));
    }
    // The editor's default brush is a 24th of the long side; people vary it.
    const brush = Math.round((size / 24) * (0.5 + random()));
    strokes.push({ kind: random() < 0.1 ? 'eraser' : 'brush', size: brush, points: coords });
  }
  return strokes;
}

/** The export bench's mask: ~50 strokes, a rectangle and a lasso on a `size` square. */
export function exportShapes(size: number): MaskEntry[] {
  const lasso: number[] = [];
  for (let i = 0; i < 64; i++) {
    const a = (i / 64) * Math.PI * 2;
    const r = size * (0.18 + 0.06 * Math.sin(a * 5));
    lasso.push(size * 0.3 + Math.cos(a) * r, size * 0.7 + Math.sin(a) * r);
  }
  return [
    ...brushStrokes(50, size, 7),
    { kind: 'rect', x: size * 0.55, y: size * 0.1, w: size * 0.3, h: size * 0.25 },
    { kind: 'lasso', points: lasso },
  ];
}
