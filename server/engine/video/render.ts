import type { Ellipse, FrameMotion, View } from './motion';

/** An RGB picture, 3 bytes a pixel, rows top to bottom, no padding. */
export interface RgbImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * Where each output column (or row) samples the source: the two neighbouring source pixels (as
 * byte offsets) and the weight of the second in 1/256ths. Views only scale and translate, so
 * sampling is separable and these tables are all the per-frame geometry there is; integer
 * weights keep the per-pixel loop to integer arithmetic.
 */
interface Taps {
  lo: Int32Array;
  hi: Int32Array;
  weight: Int32Array;
  /** The 0–1 image coordinate of each output pixel (for the parallax mask). */
  coord: Float64Array;
}

function taps(
  outSize: number,
  srcSize: number,
  centre: number,
  zoom: number,
  stride: number,
): Taps {
  const lo = new Int32Array(outSize);
  const hi = new Int32Array(outSize);
  const weight = new Int32Array(outSize);
  const coord = new Float64Array(outSize);
  for (let i = 0; i < outSize; i++) {
    const u = centre + ((i + 0.5) / outSize - 0.5) / zoom;
    coord[i] = u;
    const s = Math.min(srcSize - 1, Math.max(0, u * srcSize - 0.5));
    const s0 = Math.floor(s);
    lo[i] = s0 * stride;
    hi[i] = Math.min(srcSize - 1, s0 + 1) * stride;
    weight[i] = Math.round((s - s0) * 256);
  }
  return { lo, hi, weight, coord };
}

function viewTaps(src: RgbImage, width: number, height: number, view: View) {
  return {
    x: taps(width, src.width, view.cx, view.zoom, 3),
    y: taps(height, src.height, view.cy, view.zoom, src.width * 3),
  };
}

/**
 * Bilinear samples of `src` through `x`/`y` into `out`. With a `mask` the sample is laid over
 * what `out` already holds, as much as the mask covers that pixel.
 */
function drawLayer(src: Uint8Array, out: Uint8Array, x: Taps, y: Taps, mask?: Ellipse): void {
  const width = x.lo.length;
  const height = y.lo.length;
  // The ellipse test splits into a column part and a row part: d² = du² + dv².
  const du2 = mask ? x.coord.map((u) => ((u - mask.cx) / mask.rx) ** 2) : undefined;
  const dv2 = mask ? y.coord.map((v) => ((v - mask.cy) / mask.ry) ** 2) : undefined;
  const solid = mask ? (1 - mask.feather) ** 2 : 0;
  for (let yi = 0; yi < height; yi++) {
    const rowD2 = dv2 ? dv2[yi]! : 0;
    if (rowD2 >= 1) continue;
    const r0 = y.lo[yi]!;
    const r1 = y.hi[yi]!;
    const fy = y.weight[yi]!;
    const gy = 256 - fy;
    let o = yi * width * 3;
    for (let xi = 0; xi < width; xi++, o += 3) {
      let m = 256;
      if (du2) {
        const d2 = du2[xi]! + rowD2;
        if (d2 >= 1) continue;
        if (d2 > solid) m = coverage(Math.sqrt(d2), mask!.feather);
      }
      const c0 = x.lo[xi]!;
      const c1 = x.hi[xi]!;
      const fx = x.weight[xi]!;
      const gx = 256 - fx;
      const a = r0 + c0;
      const b = r0 + c1;
      const c = r1 + c0;
      const d = r1 + c1;
      const wa = gx * gy;
      const wb = fx * gy;
      const wc = gx * fy;
      const wd = fx * fy;
      // Three channels written out: this loop runs for every pixel of every frame.
      const r = (src[a]! * wa + src[b]! * wb + src[c]! * wc + src[d]! * wd + 32768) >>> 16;
      const g =
        (src[a + 1]! * wa + src[b + 1]! * wb + src[c + 1]! * wc + src[d + 1]! * wd + 32768) >>> 16;
      const bl =
        (src[a + 2]! * wa + src[b + 2]! * wb + src[c + 2]! * wc + src[d + 2]! * wd + 32768) >>> 16;
      if (m === 256) {
        out[o] = r;
        out[o + 1] = g;
        out[o + 2] = bl;
      } else {
        const n = 256 - m;
        out[o] = (out[o]! * n + r * m + 128) >>> 8;
        out[o + 1] = (out[o + 1]! * n + g * m + 128) >>> 8;
        out[o + 2] = (out[o + 2]! * n + bl * m + 128) >>> 8;
      }
    }
  }
}

/** How much of a pixel the soft edge covers (0–256) at distance d (in radii) from the centre. */
function coverage(d: number, feather: number): number {
  const k = (1 - d) / feather;
  return Math.round(256 * k * k * (3 - 2 * k));
}

/**
 * Renders one frame of `width`×`height` from `src` as `motion` says, cross-fading into `end`
 * (already `width`×`height`) by `motion.endMix`.
 */
export function renderFrame(
  src: RgbImage,
  width: number,
  height: number,
  motion: FrameMotion,
  end?: RgbImage,
): Uint8Array {
  const out = new Uint8Array(width * height * 3);
  const back = viewTaps(src, width, height, motion.back);
  drawLayer(src.data, out, back.x, back.y);
  if (motion.front) {
    const { view, mask } = motion.front;
    const near = viewTaps(src, width, height, view);
    drawLayer(src.data, out, near.x, near.y, mask);
  }
  if (end && motion.endMix > 0) {
    const k = motion.endMix;
    const e = end.data;
    for (let i = 0; i < out.length; i++) out[i] = out[i]! + (e[i]! - out[i]!) * k + 0.5;
  }
  return out;
}
