/**
 * Picture hosts that refused this page a cross-origin read. Every refused read is an error in the
 * browser's console (the page cannot hide it), so once a host has refused — and the picture was
 * kept another way, proving the host was there — its next pictures go straight to the relay or
 * the offline cache. Remembered for a week in this browser: a host may start allowing reads.
 */
export interface CorsMemory {
  /** True when `origin` refused a direct read in the last week. */
  refuses(origin: string): boolean;
  /** What a read of `origin` showed: readable directly, or refused. */
  learn(origin: string, readable: boolean): void;
}

/** Where the refusals are kept: origin → when it last refused (ms). */
export const CORS_MEMORY_KEY = 'imagine-studio.cors-refused';

/** How long a refusal is believed. */
export const CORS_MEMORY_MS = 7 * 24 * 60 * 60 * 1000;

/** The part of `Storage` this uses. */
type KeyValue = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * The memory in `storage` (the page's localStorage, shared by its tabs), or in this object alone
 * where there is none or it refuses (then the choice lasts until the page closes).
 */
export function corsMemory(
  storage: KeyValue | undefined = globalThis.localStorage,
  now: () => number = Date.now,
): CorsMemory {
  let own: Record<string, number> = {};
  const read = (): Record<string, number> => {
    try {
      const kept = storage?.getItem(CORS_MEMORY_KEY);
      const parsed: unknown = kept ? JSON.parse(kept) : {};
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, number>) : {};
    } catch {
      return own;
    }
  };
  const write = (map: Record<string, number>) => {
    own = map;
    try {
      storage?.setItem(CORS_MEMORY_KEY, JSON.stringify(map));
    } catch {
      // Kept in this object only.
    }
  };
  return {
    refuses(origin) {
      const at = (storage ? read() : own)[origin];
      return typeof at === 'number' && now() - at < CORS_MEMORY_MS;
    },
    learn(origin, readable) {
      const map = { ...(storage ? read() : own) };
      if (readable) {
        if (!(origin in map)) return;
        delete map[origin];
      } else map[origin] = now();
      write(map);
    },
  };
}
