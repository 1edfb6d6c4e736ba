import { adjust, clamp01, mixRgb, smoothstep } from './pictures-colour';
import { between, valueNoise } from './pictures-random';
import type { Land, Palette, Scene } from './scene-types';
import { SkyCanvas } from './pictures-sky';

/** The whole painter: the sky layers, then land, water, and the tiled patterns. */
export class Painter extends SkyCanvas {
  landscape(s: Scene): void {
    const p = s.palette;
    const hy = s.horizon * this.h;
    this.sky(p, hy);
    const sun = {
      x: s.sun.x * this.w,
      y: s.sun.y * this.h,
      r: s.sun.r * Math.min(this.w, this.h),
    };
    if (sun.r > 0) this.glow(sun, p, s.glow, hy);
    if (s.night) this.stars(hy);
    if (sun.r > 0) this.disc(sun, p.sun, s.weird > 0.35 && !s.night);
    for (let i = 0; i < s.clouds; i++) this.cloudBank(p, hy, s.night ? 0.35 : 0.7);
    if (s.weird > 0.1) this.orbs(p, hy, s.weird);
    this.ridges(s, hy, sun.x);
    if (s.water) this.water(p, hy, sun);
  }

  /** Three-stop vertical gradient, easing into the horizon colour. */
  protected ridges(s: Scene, hy: number, sunX: number): void {
    const { w, h, img } = this;
    const p = s.palette;
    const n = s.layers;
    const bottom = s.water ? Math.ceil(hy) : h;
    const tops: Float32Array[] = [];
    const bases: number[] = [];
    for (let layer = 0; layer < n; layer++) {
      const depth = n === 1 ? 0.15 : layer / (n - 1);
      const base = s.water ? hy : hy + (h - hy) * depth * 0.55;
      bases.push(base);
      const amp = h * this.amplitude(s.land) * (1 - depth * 0.45);
      const shape = this.ridgeShape(s.land);
      const ridge = new Float32Array(w);
      for (let x = 0; x < w; x++) ridge[x] = base - amp * shape(x / w);
      tops.push(ridge);
    }
    const [hr, hg, hb] = mixRgb(p.horizon, p.far, 0.3);
    const mist = h * 0.1;
    const lightDepth = h * 0.05;
    const reach = Math.max(2, Math.round(w / 90));
    for (let layer = 0; layer < n; layer++) {
      const ridge = tops[layer]!;
      const depth = n === 1 ? 0.15 : layer / (n - 1);
      const [cr, cg, cb] = mixRgb(mixRgb(p.far, p.horizon, 0.35), p.near, depth);
      const mistMax = (1 - depth) * 0.75;
      const base = bases[layer]!;
      for (let x = 0; x < w; x++) {
        const top = ridge[x]!;
        let stop = bottom;
        for (let k = layer + 1; k < n; k++) stop = Math.min(stop, Math.ceil(tops[k]![x]!) + 1);
        // A smoothed slope, so lighting changes across faces, not from one column to the next.
        const slope =
          (ridge[Math.min(w - 1, x + reach)]! - ridge[Math.max(0, x - reach)]!) / (2 * reach);
        const facing = clamp01((x < sunX ? slope : -slope) * 1.2 + 0.5);
        const lightFactor = 0.88 + 0.24 * facing;
        for (let y = Math.max(0, Math.floor(top)); y < stop; y++) {
          const below = y - top;
          const cover = clamp01(below + 1);
          // Mist pools in the valleys: it thickens toward the layer's foot, level across columns.
          const m = mistMax * smoothstep(base - mist * 1.5, base + mist * 0.5, y);
          const lf = lightFactor + (1 - lightFactor) * smoothstep(0, lightDepth, below);
          const dark = s.water ? 1 : 1 - 0.3 * depth * smoothstep(hy, h, y);
          const r = (cr * lf + (hr - cr * lf) * m) * dark;
          const g = (cg * lf + (hg - cg * lf) * m) * dark;
          const b = (cb * lf + (hb - cb * lf) * m) * dark;
          const i = (y * w + x) * 3;
          img[i] = img[i]! + (r - img[i]!) * cover;
          img[i + 1] = img[i + 1]! + (g - img[i + 1]!) * cover;
          img[i + 2] = img[i + 2]! + (b - img[i + 2]!) * cover;
        }
      }
    }
  }

  protected amplitude(land: Land): number {
    switch (land) {
      case 'peaks':
        return between(this.rng, 0.16, 0.3);
      case 'hills':
        return between(this.rng, 0.07, 0.14);
      case 'dunes':
        return between(this.rng, 0.05, 0.1);
      case 'sea':
        return between(this.rng, 0.02, 0.05);
    }
  }

  /** The skyline profile (0–1) of one ridge; periodic so a tiled picture wraps. */
  protected ridgeShape(land: Land): (u: number) => number {
    const rng = this.rng;
    const o1 = valueNoise(rng, between(rng, 2, 4));
    const o2 = valueNoise(rng, between(rng, 6, 10));
    const o3 = valueNoise(rng, between(rng, 16, 26));
    const o4 = valueNoise(rng, between(rng, 40, 60));
    switch (land) {
      case 'peaks':
        return (u) => {
          const r = 1 - Math.abs(o2(u) * 2 - 1);
          return clamp01(0.45 * o1(u) + 0.4 * r * r + 0.12 * o3(u) + 0.04 * o4(u));
        };
      case 'hills':
        return (u) => clamp01(0.7 * o1(u) + 0.3 * o2(u) + 0.02 * o4(u));
      case 'dunes':
        return (u) => clamp01(0.5 * o1(u) + 0.5 * Math.pow(o2(u), 1.8));
      case 'sea':
        // Low islands far away: mostly flat, a few bumps.
        return (u) => clamp01((o2(u) - 0.55) * 2.4 + 0.15 * o3(u));
    }
  }

  /** Mirrors everything above the horizon, rippled and darkened, with a glitter path under the sun. */
  protected water(p: Palette, hy: number, sun: { x: number; y: number; r: number }): void {
    const { w, h, img } = this;
    const start = Math.ceil(hy);
    const phase = this.rng() * 6.28;
    const phase2 = this.rng() * 6.28;
    const depthSpan = Math.max(1, h - start);
    // sin(a + b) = sin a cos b + cos a sin b: per-column tables keep sin() out of the pixel loop.
    const colSin = new Float32Array(w);
    const colCos = new Float32Array(w);
    const wobble = new Float32Array(w);
    for (let x = 0; x < w; x++) {
      colSin[x] = Math.sin(x * 0.01);
      colCos[x] = Math.cos(x * 0.01);
      wobble[x] = Math.sin(x * 0.35) * 2;
    }
    const [wr, wg, wb] = p.water;
    const [sr, sg, sb] = p.sun;
    for (let y = start; y < h; y++) {
      const dy = y - hy;
      const depth = dy / depthSpan;
      const srcRow = Math.max(0, Math.min(start - 1, Math.floor(hy - dy * 0.92 - 1))) * w;
      const amp = 0.6 + dy * 0.035;
      const rowSin = Math.sin(y * 0.9 + phase) * amp;
      const rowCos = Math.cos(y * 0.9 + phase) * amp;
      const drift = Math.sin(y * 0.27 + phase2) * amp * 0.6;
      const tint = 0.22 + 0.45 * depth;
      const glitterWidth = sun.r * (1.2 + depth * 4);
      const glitter = 0.55 * (1 - depth * 0.6);
      for (let x = 0; x < w; x++) {
        const off = rowSin * colCos[x]! + rowCos * colSin[x]! + drift;
        const sx = Math.max(0, Math.min(w - 1, Math.round(x + off)));
        const si = (srcRow + sx) * 3;
        const i = (y * w + x) * 3;
        let r = img[si]! * 0.88;
        let g = img[si + 1]! * 0.88;
        let b = img[si + 2]! * 0.88;
        r += (wr - r) * tint;
        g += (wg - g) * tint;
        b += (wb - b) * tint;
        const gx = Math.abs(x - sun.x) / glitterWidth;
        if (gx < 1) {
          const sparkle = Math.max(0, Math.sin(y * 1.7 + phase + wobble[x]!)) ** 6;
          const a = (1 - gx) * sparkle * glitter;
          r += (sr - r) * a;
          g += (sg - g) * a;
          b += (sb - b) * a;
        }
        img[i] = r;
        img[i + 1] = g;
        img[i + 2] = b;
      }
    }
    // A faint bright line where water meets land.
    if (start < h) this.blendRow(start, mixRgb(p.horizon, [255, 255, 255], 0.3), 0.25);
  }

  /** `--tile`: a seamless field of interfering waves with soft blobs, wrapped at every edge. */
  pattern(s: Scene): void {
    const { w, h, img, rng } = this;
    const p = s.palette;
    const waves = Array.from({ length: 4 }, () => ({
      kx: 1 + Math.floor(rng() * 4),
      ky: Math.floor(rng() * 4) - 1,
      ph: rng() * Math.PI * 2,
      a: between(rng, 0.5, 1),
    }));
    const total = waves.reduce((sum, wv) => sum + wv.a, 0);
    // Per-axis tables (angle addition again) so the pixel loop has no trigonometry.
    const n = waves.length;
    const colSin = new Float32Array(n * w);
    const colCos = new Float32Array(n * w);
    waves.forEach((wv, k) => {
      for (let x = 0; x < w; x++) {
        const a = (2 * Math.PI * wv.kx * x) / w + wv.ph;
        colSin[k * w + x] = (Math.sin(a) * wv.a) / total;
        colCos[k * w + x] = (Math.cos(a) * wv.a) / total;
      }
    });
    const rowCos = new Float32Array(n);
    const rowSin = new Float32Array(n);
    const stops = [p.skyTop, p.skyMid, p.horizon, p.cloud, p.far, p.near];
    const last = stops.length - 1;
    // The colour ramp, tabulated at 1/1024 steps.
    const ramp = new Float32Array(1025 * 3);
    for (let j = 0; j <= 1024; j++) {
      const pos = (j / 1024) * last;
      const lo = Math.min(last - 1, Math.floor(pos));
      const a = stops[lo]!;
      const b = stops[lo + 1]!;
      const u = pos - lo;
      // Topographic contour lines give the field a drawn look.
      const line = ((j / 1024) * 9) % 1 < 0.06 ? 0.85 : 1;
      ramp[j * 3] = (a[0] + (b[0] - a[0]) * u) * line;
      ramp[j * 3 + 1] = (a[1] + (b[1] - a[1]) * u) * line;
      ramp[j * 3 + 2] = (a[2] + (b[2] - a[2]) * u) * line;
    }
    for (let y = 0; y < h; y++) {
      waves.forEach((wv, k) => {
        const b = (2 * Math.PI * wv.ky * y) / h;
        rowCos[k] = Math.cos(b);
        rowSin[k] = Math.sin(b);
      });
      for (let x = 0, i = y * w * 3; x < w; x++, i += 3) {
        let f = 0;
        for (let k = 0; k < n; k++)
          f += colSin[k * w + x]! * rowCos[k]! + colCos[k * w + x]! * rowSin[k]!;
        const j = Math.round(clamp01(f / 2 + 0.5) * 1024) * 3;
        img[i] = ramp[j]!;
        img[i + 1] = ramp[j + 1]!;
        img[i + 2] = ramp[j + 2]!;
      }
    }
    const blobs = 3 + Math.floor(rng() * 4);
    for (let k = 0; k < blobs; k++) {
      const r = between(rng, 0.06, 0.16) * Math.min(w, h);
      const cx = rng() * w;
      const cy = rng() * h;
      const c = mixRgb(adjust(p.accent, between(rng, -30, 30)), p.horizon, 0.4);
      // Draw the wrapped copies too so the blob continues across the edges.
      for (const ox of [-w, 0, w]) {
        for (const oy of [-h, 0, h]) {
          const x = cx + ox;
          const y = cy + oy;
          if (x + r > 0 && x - r < w && y + r > 0 && y - r < h) this.puff(x, y, r, r, c, 0.5);
        }
      }
    }
  }
}
