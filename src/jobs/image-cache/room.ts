/** Making room in browser storage: on a full quota, the oldest cached images go first. */
import type { StorageNotice } from '../store';

/** True for the errors browsers throw when storage is full. */
export function isQuotaError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { name, code } = err as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22;
}

/** Rough size of a record, to know how much room to make. */
export function approxBytes(value: unknown): number {
  try {
    return JSON.stringify(value).length * 2;
  } catch {
    return 64 * 1024;
  }
}

/** What `withRoom` needs: a way to free bytes and a way to tell the person. */
export interface RoomDeps {
  /** Deletes the oldest cached images until `bytes` are freed (keeping `keep`); returns how many. */
  evict(bytes: number, keep?: string): Promise<number>;
  notice(kind: StorageNotice['kind'], message: string): void;
}

/**
 * Runs a write; on QuotaExceededError deletes the oldest cached images and tries again (twice
 * at most), telling the person what happened either way.
 */
export async function withRoom<T>(
  deps: RoomDeps,
  write: () => Promise<T>,
  size: number | (() => number),
  keep?: string,
): Promise<T> {
  let evicted = 0;
  let bytes = -1;
  for (let attempt = 0; ; attempt += 1) {
    try {
      const result = await write();
      if (evicted > 0) {
        deps.notice(
          'evicted',
          `Storage was full, so ${evicted} older cached image${evicted === 1 ? ' was' : 's were'} removed from this device. Their jobs are kept; the images load from the service while its links last.`,
        );
      }
      return result;
    } catch (err) {
      if (!isQuotaError(err)) throw err;
      // Sized only now: measuring every save would cost a stringify of each job (masks too).
      if (bytes < 0) bytes = typeof size === 'function' ? size() : size;
      const removed = attempt < 2 ? await deps.evict(Math.max(bytes, 1), keep) : 0;
      if (removed === 0) {
        deps.notice(
          'full',
          'Storage on this device is full: the latest change could not be saved. Delete some history (or export it) to make room.',
        );
        throw err;
      }
      evicted += removed;
      // Evicting more than asked next time: the first estimate was evidently not enough.
      bytes *= 2;
    }
  }
}
