/**
 * The camera of each clip, as pure functions of time: which window of the image a frame shows.
 * Every path starts at the whole image (a clip's first frame is the picture itself, which is
 * also what lets an extension start exactly where its source clip ended).
 */

/** A window on the image: its centre in 0–1 image coordinates and a zoom ≥ 1 (1 = whole). */
export interface View {
  cx: number;
  cy: number;
  zoom: number;
}

/** An ellipse in 0–1 image coordinates, with a soft edge `feather` wide (fraction of radius). */
export interface Ellipse {
  cx: number;
  cy: number;
  rx: number;
  ry: number;
  feather: number;
}

/** What one frame shows: the background view, an optional nearer layer, and the end-frame mix. */
export interface FrameMotion {
  back: View;
  /** The near layer of a parallax clip: the part of the image inside `mask`, seen through `view`. */
  front?: { view: View; mask: Ellipse };
  /** 0–1 weight of the end frame (cross-fade into it over the last part of the clip). */
  endMix: number;
}

/** The four kinds of motion, one per clip, in clip order. */
export const MOTIONS = ['zoom-in', 'pan-right', 'pan-up-left', 'parallax'] as const;
export type MotionKind = (typeof MOTIONS)[number];

/** Per-set variation drawn from the seed: where the camera heads and how far. */
export interface MotionStyle {
  focusX: number;
  focusY: number;
  zoom: number;
}

/** The style for a seed: a small deterministic PRNG (mulberry32) so a seed repeats its clips. */
export function styleForSeed(seed: number): MotionStyle {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { focusX: 0.4 + 0.2 * next(), focusY: 0.4 + 0.2 * next(), zoom: 1.25 + 0.1 * next() };
}

/** The largest zoom any path reaches: the working copy of the image is made this much larger. */
export const MAX_ZOOM = 1.35;

const smooth = (t: number) => t * t * (3 - 2 * t);
const clamp01 = (t: number) => Math.min(1, Math.max(0, t));

/**
 * The time of frame `index` of `frames`, 0–1. A loop stops one step short of 1 so that the frame
 * after the last would be the first again (no doubled frame when the clip repeats).
 */
export function frameTime(index: number, frames: number, loop: boolean): number {
  return loop ? index / frames : index / Math.max(1, frames - 1);
}

/**
 * How far along its path the camera is at time t: eased out and in, or there and back for a
 * loop, so a looping clip's last frame meets its first.
 */
export function progress(t: number, loop: boolean): number {
  return loop ? Math.sin(Math.PI * t) ** 2 : smooth(clamp01(t));
}

/** Keeps a view's window inside the image (no invented borders). */
export function clampView(view: View): View {
  const zoom = Math.max(1, view.zoom);
  const half = 0.5 / zoom;
  const within = (c: number) => Math.min(1 - half, Math.max(half, c));
  return { cx: within(view.cx), cy: within(view.cy), zoom };
}

/** Linear blend of two numbers. */
const mix = (a: number, b: number, k: number) => a + (b - a) * k;

/**
 * The motion of one frame. `hasEnd` cross-fades into the end frame over the last 40 % of the
 * clip (an end frame takes precedence over `loop`, whose last frame would be the first).
 */
export function motionAt(
  kind: MotionKind,
  t: number,
  options: { loop: boolean; hasEnd: boolean; style: MotionStyle },
): FrameMotion {
  const loop = options.loop && !options.hasEnd;
  const p = progress(t, loop);
  const { focusX, focusY, zoom } = options.style;
  const endMix = options.hasEnd ? smooth(clamp01((t - 0.6) / 0.4)) : 0;
  switch (kind) {
    case 'zoom-in':
      return {
        back: clampView({
          cx: mix(0.5, focusX, p),
          cy: mix(0.5, focusY, p),
          zoom: mix(1, zoom, p),
        }),
        endMix,
      };
    case 'pan-right': {
      // The window narrows while its left edge travels to the right edge: a pan left → right.
      const z = mix(1, zoom, p);
      const left = (1 - 1 / z) * p;
      return { back: clampView({ cx: left + 0.5 / z, cy: mix(0.5, focusY, p), zoom: z }), endMix };
    }
    case 'pan-up-left': {
      // Mirror of the pan on a diagonal: starts anchored bottom-right, ends at the top-left.
      const z = mix(1, zoom, p);
      const off = (1 - 1 / z) * (1 - p);
      return { back: clampView({ cx: off + 0.5 / z, cy: off + 0.5 / z, zoom: z }), endMix };
    }
    case 'parallax': {
      // The near layer (an ellipse round the focus) grows and drifts faster than the far one.
      const mask: Ellipse = { cx: focusX, cy: focusY, rx: 0.3, ry: 0.34, feather: 0.25 };
      const back = clampView({ cx: mix(0.5, 0.47, p), cy: 0.5, zoom: mix(1, 1.06, p) });
      const near = clampView({
        cx: mix(0.5, focusX + 0.05, p),
        cy: mix(0.5, focusY, p),
        zoom: mix(1, zoom, p),
      });
      return { back, front: { view: near, mask }, endMix };
    }
  }
}
