import type { LassoShape, MaskEntry, RectShape, StrokeShape } from './mask-model';

/**
 * The ground truth of the mask: one byte per image pixel, 255 = redraw, 0 = keep. Pure JS so
 * that tests in Node and the export in the browser see exactly the same pixels, whatever the
 * zoom or device pixel ratio the person painted at.
 *
 * Pixel (px, py) covers [px, px+1) × [py, py+1); a shape covers a pixel when it covers the
 * pixel's centre (px + 0.5, py + 0.5).
 */
export function rasterizeMask(
  shapes: readonly MaskEntry[],
  width: number,
  height: number,
): Uint8Array {
  const mask = new Uint8Array(width * height);
  for (const entry of shapes) applyEntry(mask, width, height, entry);
  return mask;
}

/** Applies one entry to a raster in place (lets callers rasterise incrementally). */
export function applyEntry(
  mask: Uint8Array,
  width: number,
  height: number,
  entry: MaskEntry,
): void {
  switch (entry.kind) {
    case 'brush':
    case 'eraser':
      fillStroke(mask, width, height, entry, entry.kind === 'brush' ? 255 : 0);
      return;
    case 'rect':
      fillRect(mask, width, height, entry, entry.erase ? 0 : 255);
      return;
    case 'lasso':
      fillPolygon(mask, width, height, entry, entry.erase ? 0 : 255);
      return;
    case 'invert':
      for (let i = 0; i < mask.length; i++) mask[i] = 255 - mask[i]!;
      return;
    case 'clear':
      mask.fill(0);
      return;
  }
}

/** Fraction of pixels marked for redraw (0…1). */
export function coverage(mask: Uint8Array): number {
  if (mask.length === 0) return 0;
  let on = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i] !== 0) on++;
  return on / mask.length;
}

/** First pixel index whose centre is at or after coordinate `c` (the pixel-centre rule). */
function firstCentreAtOrAfter(c: number): number {
  return Math.ceil(c - 0.5);
}

function fillRect(mask: Uint8Array, width: number, height: number, r: RectShape, value: number) {
  const x0 = Math.min(r.x, r.x + r.w);
  const y0 = Math.min(r.y, r.y + r.h);
  const x1 = Math.max(r.x, r.x + r.w);
  const y1 = Math.max(r.y, r.y + r.h);
  const px0 = Math.max(0, firstCentreAtOrAfter(x0));
  const px1 = Math.min(width, firstCentreAtOrAfter(x1)); // exclusive
  const py0 = Math.max(0, firstCentreAtOrAfter(y0));
  const py1 = Math.min(height, firstCentreAtOrAfter(y1));
  for (let py = py0; py < py1; py++) {
    if (px1 > px0) mask.fill(value, py * width + px0, py * width + px1);
  }
}

/** A round brush: the union of capsules around each segment (a disc for a single point). */
function fillStroke(
  mask: Uint8Array,
  width: number,
  height: number,
  s: StrokeShape,
  value: number,
) {
  const pts = s.points;
  const r = s.size / 2;
  if (pts.length < 2 || !(r > 0)) return;
  if (pts.length < 4) {
    fillCapsule(mask, width, height, pts[0]!, pts[1]!, pts[0]!, pts[1]!, r, value);
    return;
  }
  for (let i = 0; i + 3 < pts.length; i += 2) {
    fillCapsule(mask, width, height, pts[i]!, pts[i + 1]!, pts[i + 2]!, pts[i + 3]!, r, value);
  }
}

function fillCapsule(
  mask: Uint8Array,
  width: number,
  height: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  r: number,
  value: number,
) {
  const py0 = Math.max(0, Math.floor(Math.min(ay, by) - r));
  const py1 = Math.min(height - 1, Math.ceil(Math.max(ay, by) + r));
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const r2 = r * r;
  // Whether the centre of pixel (px, py) is within r of segment AB: the exact rule.
  const inside = (px: number, cy: number): boolean => {
    const cx = px + 0.5;
    let t = len2 > 0 ? ((cx - ax) * dx + (cy - ay) * dy) / len2 : 0;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    const ex = ax + t * dx - cx;
    const ey = ay + t * dy - cy;
    return ex * ex + ey * ey <= r2;
  };
  const len = Math.sqrt(len2);
  // Unit normal of AB, scaled by r: the band around the segment is A±n … B±n.
  const nx = len > 0 ? (-dy / len) * r : 0;
  const ny = len > 0 ? (dx / len) * r : 0;
  const band = [ax + nx, ay + ny, bx + nx, by + ny, bx - nx, by - ny, ax - nx, ay - ny];
  for (let py = py0; py <= py1; py++) {
    const cy = py + 0.5;
    // A capsule is convex, so each row meets it in one span: the union of the spans of the two
    // end discs and the band. Computing that span and filling it is much faster than testing
    // every pixel of the bounding box; the ends are then settled by the exact per-pixel rule.
    let lo = Infinity;
    let hi = -Infinity;
    for (const [x, y] of [
      [ax, ay],
      [bx, by],
    ] as const) {
      const h2 = r2 - (cy - y) * (cy - y);
      if (h2 >= 0) {
        const h = Math.sqrt(h2);
        lo = Math.min(lo, x - h);
        hi = Math.max(hi, x + h);
      }
    }
    if (len > 0) {
      for (let e = 0; e < 4; e++) {
        const x0 = band[2 * e]!;
        const y0 = band[2 * e + 1]!;
        const x1 = band[(2 * e + 2) % 8]!;
        const y1 = band[(2 * e + 3) % 8]!;
        if ((y0 <= cy && cy <= y1) || (y1 <= cy && cy <= y0)) {
          const x = y1 === y0 ? x0 : x0 + ((cy - y0) * (x1 - x0)) / (y1 - y0);
          const xb = y1 === y0 ? x1 : x;
          lo = Math.min(lo, x, xb);
          hi = Math.max(hi, x, xb);
        }
      }
    }
    if (lo > hi) continue;
    let p0 = Math.max(0, Math.ceil(lo - 0.5));
    let p1 = Math.min(width - 1, Math.floor(hi - 0.5));
    while (p0 > 0 && inside(p0 - 1, cy)) p0--;
    while (p0 <= p1 && !inside(p0, cy)) p0++;
    while (p1 < width - 1 && inside(p1 + 1, cy)) p1++;
    while (p1 >= p0 && !inside(p1, cy)) p1--;
    if (p1 >= p0) mask.fill(value, py * width + p0, py * width + p1 + 1);
  }
}

/**
 * Scanline fill with the non-zero winding rule — the canvas default, so the Konva preview of a
 * self-crossing lasso and the exported pixels agree.
 */
function fillPolygon(
  mask: Uint8Array,
  width: number,
  height: number,
  l: LassoShape,
  value: number,
) {
  const pts = l.points;
  const n = Math.floor(pts.length / 2);
  if (n < 3) return;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minY = Math.min(minY, pts[2 * i + 1]!);
    maxY = Math.max(maxY, pts[2 * i + 1]!);
  }
  const py0 = Math.max(0, firstCentreAtOrAfter(minY));
  const py1 = Math.min(height, firstCentreAtOrAfter(maxY));
  const crossings: { x: number; dir: number }[] = [];
  for (let py = py0; py < py1; py++) {
    const cy = py + 0.5;
    crossings.length = 0;
    for (let i = 0; i < n; i++) {
      const j = (i + 1) % n;
      const x0 = pts[2 * i]!;
      const y0 = pts[2 * i + 1]!;
      const x1 = pts[2 * j]!;
      const y1 = pts[2 * j + 1]!;
      // Half-open in y so a vertex shared by two edges is counted once.
      if ((y0 <= cy && cy < y1) || (y1 <= cy && cy < y0)) {
        crossings.push({ x: x0 + ((cy - y0) * (x1 - x0)) / (y1 - y0), dir: y1 > y0 ? 1 : -1 });
      }
    }
    crossings.sort((a, b) => a.x - b.x);
    let winding = 0;
    for (let k = 0; k + 1 < crossings.length; k++) {
      winding += crossings[k]!.dir;
      if (winding === 0) continue;
      const px0 = Math.max(0, firstCentreAtOrAfter(crossings[k]!.x));
      const px1 = Math.min(width, firstCentreAtOrAfter(crossings[k + 1]!.x));
      if (px1 > px0) mask.fill(value, py * width + px0, py * width + px1);
    }
  }
}
