/**
 * Outpainting (zoom-out and pan): new land grown around the source's real pixels, its colours
 * read row by row from the source so the new parts continue the old ones.
 */
import { smoothstep } from './pictures-colour';
import { type Looks, clampedView, paintLike } from './pictures-edit';
import { type Raw, rawOut, sharpRaw, softBlur } from './pictures-raw';
import type { Rng } from './pictures-random';

/** Mean colour of each row of a vertical strip [x0, x1) of an image, as RGB triples. */
function stripMeans(raw: Raw, x0: number, x1: number): Float32Array {
  const out = new Float32Array(raw.height * 3);
  const step = Math.max(1, Math.floor((x1 - x0) / 64));
  for (let y = 0; y < raw.height; y++) {
    let r = 0;
    let g = 0;
    let b = 0;
    let n = 0;
    for (let x = x0; x < x1; x += step) {
      const i = (y * raw.width + x) * 3;
      r += raw.data[i]!;
      g += raw.data[i + 1]!;
      b += raw.data[i + 2]!;
      n++;
    }
    out[y * 3] = r / n;
    out[y * 3 + 1] = g / n;
    out[y * 3 + 2] = b / n;
  }
  return out;
}

/** Box-smooths per-row RGB means over ±radius rows (soft bands rather than hard streaks). */
function smoothRows(means: Float32Array, radius: number): Float32Array {
  if (radius < 1) return means;
  const rows = means.length / 3;
  const out = new Float32Array(means.length);
  for (let y = 0; y < rows; y++) {
    const a = Math.max(0, y - radius);
    const z = Math.min(rows - 1, y + radius);
    for (let c = 0; c < 3; c++) {
      let sum = 0;
      for (let k = a; k <= z; k++) sum += means[k * 3 + c]!;
      out[y * 3 + c] = sum / (z - a + 1);
    }
  }
  return out;
}

/**
 * Outpainting: a `width`×`height` frame with `inner` kept pixel for pixel at (left, top) and
 * the rest grown from it. A fresh painting supplies shapes; each of its rows is recoloured to
 * the inner picture's colours at that height (read from the strip along the nearer side), so
 * sky continues sky and ground continues ground. Right at the seam the inner picture's
 * mirrored, then blurred, edge takes over, so there is no visible join.
 */
export async function outpaint(
  inner: Raw,
  width: number,
  height: number,
  left: number,
  top: number,
  looks: Looks,
  rng: Rng,
): Promise<Raw> {
  const iw = inner.width;
  const ih = inner.height;
  const right = width - left - iw;
  const bottom = height - top - ih;
  // Repeating the edge pixels continues a landscape's horizontal bands (sky, ridge, shore).
  const extendedP = rawOut(
    sharpRaw(inner).extend({ top, bottom, left, right, extendWith: 'copy' }),
  );
  const horizon = (top + looks.horizon * ih) / height;
  const paint = await paintLike(looks, rng, width, height, horizon);
  const extended = await extendedP;
  const blurred = await softBlur(extended, Math.max(width, height) / 40);
  const margin = Math.max(1, left, right, top, bottom);
  // Narrow strips at the very edges: what touches the seam is what continues past it.
  const strip = Math.max(1, Math.floor(iw / 16));
  const leftMeans = smoothRows(stripMeans(inner, 0, strip), Math.round(ih / 60));
  const rightMeans = smoothRows(stripMeans(inner, iw - strip, iw), Math.round(ih / 60));
  const paintMeans = stripMeans(paint, 0, width);
  const colWeight = new Float32Array(width);
  for (let x = 0; x < width; x++) colWeight[x] = smoothstep(0, 1, (x - left) / iw);
  const x1 = left + iw - 1;
  const y1 = top + ih - 1;
  const buf = Buffer.from(extended.data);
  const out = clampedView(buf);
  const m = extended.data;
  const bl = blurred.data;
  const pt = paint.data;
  for (let y = 0; y < height; y++) {
    const dy = y < top ? top - y : y > y1 ? y - y1 : 0;
    const sy = Math.min(ih - 1, Math.max(0, y - top)) * 3;
    // Beyond the inner picture's top the sky deepens a little; below, the ground darkens.
    const fade = y < top ? 1 - (0.22 * dy) / margin : 1 - (0.15 * dy) / margin;
    const pr = paintMeans[y * 3]!;
    const pg = paintMeans[y * 3 + 1]!;
    const pb = paintMeans[y * 3 + 2]!;
    for (let x = 0; x < width; x++) {
      const dx = x < left ? left - x : x > x1 ? x - x1 : 0;
      if (dx === 0 && dy === 0) continue; // the kept picture, untouched
      const d = Math.sqrt(dx * dx + dy * dy) / margin;
      const t1 = smoothstep(0, 0.15, d);
      const t2 = smoothstep(0.02, 0.55, d);
      const cw = colWeight[x]!;
      const i = (y * width + x) * 3;
      const tr = (leftMeans[sy]! + (rightMeans[sy]! - leftMeans[sy]!) * cw) * fade;
      const tg = (leftMeans[sy + 1]! + (rightMeans[sy + 1]! - leftMeans[sy + 1]!) * cw) * fade;
      const tb = (leftMeans[sy + 2]! + (rightMeans[sy + 2]! - leftMeans[sy + 2]!) * cw) * fade;
      const nr = m[i]! + (bl[i]! - m[i]!) * t1;
      const ng = m[i + 1]! + (bl[i + 1]! - m[i + 1]!) * t1;
      const nb = m[i + 2]! + (bl[i + 2]! - m[i + 2]!) * t1;
      out[i] = nr + (pt[i]! - pr + tr - nr) * t2;
      out[i + 1] = ng + (pt[i + 1]! - pg + tg - ng) * t2;
      out[i + 2] = nb + (pt[i + 2]! - pb + tb - nb) * t2;
    }
  }
  return { data: buf, width, height };
}
