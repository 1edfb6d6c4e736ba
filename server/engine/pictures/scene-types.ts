/**
 * The vocabulary of a scene: its colours, land, time of day and every choice made before painting.
 * A leaf (it imports only colours) so the planner (`pictures-scene.ts`), the painter and the sky
 * all speak it without importing one another in a circle.
 */
import type { Rgb } from './pictures-colour';

/** The colours of one picture. */
export interface Palette {
  skyTop: Rgb;
  skyMid: Rgb;
  horizon: Rgb;
  sun: Rgb;
  cloud: Rgb;
  far: Rgb;
  near: Rgb;
  water: Rgb;
  accent: Rgb;
}

/** What kind of land lies under the sky. */
export type Land = 'peaks' | 'hills' | 'dunes' | 'sea';

/** Time of day; it sets the brightness of the sky and whether stars come out. */
export type Mood = 'dawn' | 'day' | 'dusk' | 'night';

/** The idea a prompt stands for: shared by the four quadrants of its grid. */
export interface Idea {
  hue: number;
  mood: Mood;
  land: Land;
  water: boolean;
}

/** Everything needed to paint one picture; every random choice is already made. */
export interface Scene {
  seed: number;
  palette: Palette;
  night: boolean;
  land: Land;
  water: boolean;
  /** Horizon line as a fraction of the height. */
  horizon: number;
  /** Sun (or moon) centre and radius as fractions of width / height / min side. */
  sun: { x: number; y: number; r: number };
  /** Soft light around the sun, 0–1. */
  glow: number;
  clouds: number;
  layers: number;
  /** Surreal extras (floating orbs, a striped sun), 0–1. */
  weird: number;
  /** Seamless 2-D pattern instead of a landscape (`--tile`). */
  tile: boolean;
  /** How much the corners darken, 0–1. */
  vignette: number;
}
