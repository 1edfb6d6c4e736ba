/**
 * A tiny concurrency gate. Rendering goes through one of these so that fifty streaming jobs take
 * turns at sharp (which already uses every core per operation) instead of thrashing it.
 */

/** Runs async work at most `max` at a time, first come first served. */
export type Limiter = <T>(work: () => Promise<T>) => Promise<T>;

/** A gate that lets `max` pieces of work run at once. */
export function createLimiter(max: number): Limiter {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async function run<T>(work: () => Promise<T>): Promise<T> {
    if (active >= max) {
      // The slot is handed over by the finishing task, so `active` never overshoots.
      await new Promise<void>((resolve) => waiting.push(resolve));
    } else {
      active += 1;
    }
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active -= 1;
    }
  };
}
