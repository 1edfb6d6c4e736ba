import { type Rgb, adjust, clamp01, mixRgb, shade, smoothstep } from './pictures-colour';
import { type Rng, between } from './pictures-random';
import type { Palette } from './scene-types';

/** The canvas a scene is painted on, and the layers above the horizon: sky, glow, stars, sun, clouds, orbs. */
/** exp(-v) for v in [0, 8), tabulated: the glow evaluates it for every sky pixel. */
const EXP_STEPS = 64;
const EXP_TABLE = Float32Array.from({ length: 8 * EXP_STEPS + 2 }, (_, i) =>
  Math.exp(-i / EXP_STEPS),
);

/** Holds the canvas while a scene is painted; each method is one layer. */
export class SkyCanvas {
  constructor(
    protected readonly img: Float32Array,
    protected readonly w: number,
    protected readonly h: number,
    protected readonly rng: Rng,
  ) {}

  protected sky(p: Palette, hy: number): void {
    for (let y = 0; y < this.h; y++) {
      const t = clamp01(y / hy);
      const c =
        t < 0.5
          ? mixRgb(p.skyTop, p.skyMid, smoothstep(0, 0.5, t))
          : mixRgb(p.skyMid, p.horizon, Math.pow((t - 0.5) / 0.5, 1.6));
      this.fillRow(y, c);
    }
  }

  protected fillRow(y: number, c: Rgb): void {
    const img = this.img;
    for (let i = y * this.w * 3, end = i + this.w * 3; i < end; i += 3) {
      img[i] = c[0];
      img[i + 1] = c[1];
      img[i + 2] = c[2];
    }
  }

  /** Light spreading from the sun over the sky. */
  protected glow(
    sun: { x: number; y: number; r: number },
    p: Palette,
    strength: number,
    hy: number,
  ): void {
    const img = this.img;
    const w = this.w;
    const perUnit = EXP_STEPS / (Math.min(w, this.h) * 0.22);
    const limit = 8 * EXP_STEPS;
    const [cr, cg, cb] = mixRgb(p.sun, p.horizon, 0.35);
    const k = strength * 0.9;
    for (let y = 0; y < Math.min(this.h, Math.ceil(hy) + 1); y++) {
      const dy = (y - sun.y) * 1.35;
      const dy2 = dy * dy;
      for (let x = 0, i = y * w * 3; x < w; x++, i += 3) {
        const dx = x - sun.x;
        const v = Math.sqrt(dx * dx + dy2) * perUnit;
        if (v >= limit) continue;
        const g = k * EXP_TABLE[v | 0]!;
        img[i] = img[i]! + (cr - img[i]!) * g;
        img[i + 1] = img[i + 1]! + (cg - img[i + 1]!) * g;
        img[i + 2] = img[i + 2]! + (cb - img[i + 2]!) * g;
      }
    }
  }

  protected stars(hy: number): void {
    const count = Math.round((this.w * hy) / 900);
    for (let k = 0; k < count; k++) {
      const x = Math.floor(this.rng() * this.w);
      const y = Math.floor(this.rng() * hy * 0.92);
      const b = Math.pow(this.rng(), 3) * 0.9 + 0.1;
      // Fainter near the horizon, where the sky is bright.
      this.blend(x, y, [255, 250, 240], b * (1 - y / hy));
    }
  }

  /** The sun or moon: an anti-aliased disc, optionally with retro stripes across its lower half. */
  protected disc(sun: { x: number; y: number; r: number }, colour: Rgb, striped: boolean): void {
    const { x: cx, y: cy, r } = sun;
    for (let y = Math.max(0, Math.floor(cy - r - 1)); y < Math.min(this.h, cy + r + 1); y++) {
      const below = (y - cy) / r;
      if (striped && below > 0 && below * 5 - Math.floor(below * 5) < below / 1.6) continue;
      for (let x = Math.max(0, Math.floor(cx - r - 1)); x < Math.min(this.w, cx + r + 1); x++) {
        const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
        const a = clamp01(r - d + 0.5);
        if (a > 0) this.blend(x, y, mixRgb(colour, [255, 255, 255], 0.3 * (1 - d / r)), a);
      }
    }
  }

  /** A bank of soft elliptical puffs, lit from below by the horizon. */
  protected cloudBank(p: Palette, hy: number, opacity: number): void {
    const rng = this.rng;
    const cx = rng() * this.w;
    const cy = between(rng, 0.08, 0.8) * hy;
    const span = between(rng, 0.15, 0.45) * this.w;
    const puffs = 3 + Math.floor(rng() * 5);
    const lit = mixRgb(p.cloud, p.horizon, between(rng, 0, 0.5));
    const base = Math.min(this.w, this.h);
    for (let k = 0; k < puffs; k++) {
      const px = cx + (rng() - 0.5) * span;
      const py = cy + (rng() - 0.5) * base * 0.03;
      const rx = between(rng, 0.04, 0.12) * base;
      const ry = rx * between(rng, 0.22, 0.4);
      this.puff(px, py, rx, ry, lit, opacity * between(rng, 0.4, 0.8));
    }
  }

  /** A soft ellipse: opacity falls off smoothly to zero at its rim; a little brighter on top. */
  protected puff(cx: number, cy: number, rx: number, ry: number, c: Rgb, alpha: number): void {
    const img = this.img;
    for (let y = Math.max(0, Math.floor(cy - ry)); y < Math.min(this.h, cy + ry); y++) {
      const dy = (y - cy) / ry;
      const lift = dy < 0 ? 0.15 * -dy : 0;
      const r = c[0] + (255 - c[0]) * lift;
      const g = c[1] + (255 - c[1]) * lift;
      const b = c[2] + (255 - c[2]) * lift;
      for (let x = Math.max(0, Math.floor(cx - rx)); x < Math.min(this.w, cx + rx); x++) {
        const dx = (x - cx) / rx;
        const e = dx * dx + dy * dy;
        if (e >= 1) continue;
        const a = alpha * (1 - e) * (1 - e);
        const i = (y * this.w + x) * 3;
        img[i] = img[i]! + (r - img[i]!) * a;
        img[i + 1] = img[i + 1]! + (g - img[i + 1]!) * a;
        img[i + 2] = img[i + 2]! + (b - img[i + 2]!) * a;
      }
    }
  }

  /** Floating spheres with a highlight: the picture's surreal streak (`--weird`). */
  protected orbs(p: Palette, hy: number, weird: number): void {
    const n = 1 + Math.floor(weird * 4 * this.rng());
    for (let k = 0; k < n; k++) {
      const r = between(this.rng, 0.02, 0.07) * Math.min(this.w, this.h);
      const cx = this.rng() * this.w;
      const cy = between(this.rng, 0.1, 0.85) * hy;
      const c = adjust(p.accent, between(this.rng, -40, 40));
      for (let y = Math.max(0, Math.floor(cy - r - 1)); y < Math.min(this.h, cy + r + 1); y++) {
        for (let x = Math.max(0, Math.floor(cx - r - 1)); x < Math.min(this.w, cx + r + 1); x++) {
          const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
          const a = clamp01(r - d + 0.5);
          if (a <= 0) continue;
          const hl = clamp01(1 - Math.hypot(x - (cx - r * 0.35), y - (cy - r * 0.35)) / r);
          this.blend(
            x,
            y,
            mixRgb(shade(c, 0.6 + 0.4 * (1 - d / r)), [255, 255, 255], hl * hl),
            a * 0.92,
          );
        }
      }
    }
  }

  /**
   * Ridge lines from far (hazy, high) to near (dark, low), each lit on the sun's side. Each layer
   * is painted only down to the top of the nearer ones (they would hide it anyway).
   */
  protected blend(x: number, y: number, c: Rgb, a: number): void {
    const img = this.img;
    const i = (y * this.w + x) * 3;
    img[i] = img[i]! + (c[0] - img[i]!) * a;
    img[i + 1] = img[i + 1]! + (c[1] - img[i + 1]!) * a;
    img[i + 2] = img[i + 2]! + (c[2] - img[i + 2]!) * a;
  }

  protected blendRow(y: number, c: Rgb, a: number): void {
    for (let x = 0; x < this.w; x++) this.blend(x, y, c, a);
  }
}
