/**
 * Deterministic randomness for the local engine's pictures. Every picture is a pure function of
 * its inputs, so the same request always answers the same bytes (tests and demos rely on it);
 * nothing here may touch Math.random or the clock.
 */

/** A seeded source of uniform numbers in [0, 1). */
export type Rng = () => number;

/** murmur3's finaliser: spreads every input bit over the whole 32-bit word. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** 32-bit hash of a string (FNV-1a over UTF-16 code units, then mixed). */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix(h);
}

/** Combines numbers (seeds, indices, hashes) into one 32-bit seed; order matters. */
export function mixSeeds(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    // Split doubles so seeds above 2^32 and fractional factors (1.5) still change the result.
    const whole = Math.floor(part);
    const high = Math.floor(whole / 4294967296);
    const frac = Math.round((part - whole) * 65536);
    h = fmix((h ^ (whole >>> 0)) + 0x7f4a7c15);
    h = fmix((h ^ (high >>> 0) ^ (frac << 7)) + 0x165667b1);
  }
  return h;
}

/** mulberry32: tiny, fast and good enough for art (not for cryptography). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform number in [min, max). */
export function between(rng: Rng, min: number, max: number): number {
  return min + (max - min) * rng();
}

/** One element of a non-empty list. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new RangeError('pick() needs a non-empty list');
  return item;
}

/**
 * Smooth 1-D value noise in [0, 1] with `cells` lattice cells over [0, 1); it wraps at 1, so
 * a ridge built from it tiles horizontally.
 */
export function valueNoise(rng: Rng, cells: number): (u: number) => number {
  const n = Math.max(1, Math.round(cells));
  const lattice = Float32Array.from({ length: n }, () => rng());
  return (u: number) => {
    const p = (((u % 1) + 1) % 1) * n;
    const i = Math.floor(p);
    const f = p - i;
    const a = lattice[i % n] ?? 0;
    const b = lattice[(i + 1) % n] ?? 0;
    const s = f * f * (3 - 2 * f);
    return a + (b - a) * s;
  };
}
