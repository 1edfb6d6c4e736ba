/** Making room in browser storage: on a full quota, the oldest cached images go first. */
import type { StorageNotice } from '../../jobs/store';
import type { Msg } from '../../api/message';
import { storageMsg } from '../storage-codes';

/**
 * What one eviction removed: pictures and video clips counted apart, and how pictures came
 * (worded by `storage/evicted-words.ts`).
 */
export interface Evicted {
  images: number;
  clips: number;
  /** Of `images`, how many had been read through the studio server's relay (the rest directly). */
  relayed?: number;
  /** Thumbnails removed with their pictures. */
  thumbs?: number;
}

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
  /**
   * Deletes the oldest cached images and clips until `bytes` are freed (keeping `keep`); returns
   * how many of each went (clips are large, so the person is told about them apart).
   */
  evict(bytes: number, keep?: string): Promise<Evicted>;
  notice(kind: StorageNotice['kind'], message: Msg): void;
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
  const evicted: Required<Evicted> = { images: 0, clips: 0, relayed: 0, thumbs: 0 };
  let bytes = -1;
  for (let attempt = 0; ; attempt += 1) {
    try {
      const result = await write();
      if (evicted.images + evicted.clips > 0) {
        deps.notice('evicted', storageMsg('storage.evicted', { ...evicted }));
      }
      return result;
    } catch (err) {
      if (!isQuotaError(err)) throw err;
      // Sized only now: measuring every save would cost a stringify of each job (masks too).
      if (bytes < 0) bytes = typeof size === 'function' ? size() : size;
      const removed =
        attempt < 2 ? await deps.evict(Math.max(bytes, 1), keep) : { images: 0, clips: 0 };
      if (removed.images + removed.clips === 0) {
        deps.notice('full', storageMsg('storage.full'));
        throw err;
      }
      evicted.images += removed.images;
      evicted.clips += removed.clips;
      evicted.relayed += removed.relayed ?? 0;
      evicted.thumbs += removed.thumbs ?? 0;
      // Evicting more than asked next time: the first estimate was evidently not enough.
      bytes *= 2;
    }
  }
}
