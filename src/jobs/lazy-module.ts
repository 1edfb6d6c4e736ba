/**
 * A module that loads on demand, read synchronously once it has: how a kind's contract (and the
 * zod it brings, ~10 KB gzipped) stays out of the JavaScript the page needs to paint. Async code
 * (the runner before a send, a lookup or a retry; an import) awaits `load()`; pure code that only
 * runs after that (a kind's `settle`, the machine's retry) reads `get()`.
 */
import { loadOnce } from '../lazy/load-once';

/** See {@link lazyModule}. */
export interface LazyModule<T> {
  /** Loads once for every caller (a failed load is tried again by the next caller). */
  load(): Promise<T>;
  /** The loaded module; throws when read before `load()` resolved (a bug, not input). */
  get(): T;
}

/** A module `importer` loads on the first `load()`; `what` names it in the bug's message. */
export function lazyModule<T>(what: string, importer: () => Promise<T>): LazyModule<T> {
  const once = loadOnce(importer);
  return {
    load: () => once(),
    get() {
      const value = once.value;
      if (value === undefined)
        throw new Error(`${what} read before it loaded: await load() first.`);
      return value;
    },
  };
}
