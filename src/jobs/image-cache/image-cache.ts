/**
 * The image cache: final images as blobs keyed by their remote URL (remote URLs expire), their
 * thumbnails, eviction of the oldest when storage is full, and one object URL per blob.
 */
import type { CachedImage, StudioDb } from '../repository/schema';
import { withRoom, type Evicted, type RoomDeps } from './room';
import { makeThumbnail, type Thumbnail } from './thumbnail';

/** A cached video clip (kept in the same store as pictures, keyed by its URL too). */
export function isClip(blob: Blob, url = ''): boolean {
  return blob.type.startsWith('video/') || /\.(mp4|webm|mov)(?:[?#]|$)/i.test(url);
}

/** Options of `createImageCache`. */
export interface ImageCacheOptions {
  db: () => Promise<StudioDb>;
  notice: RoomDeps['notice'];
  fetch: typeof fetch;
  now: () => number;
  /** Images larger than this are not cached. */
  maxImageBytes: number;
  /** Makes a tile-sized copy; null = cannot here (the full image is shown). */
  thumbnail?: (blob: Blob) => Promise<Thumbnail | null>;
}

/** The cache of one tab. */
export interface ImageCache {
  /** Fetches a final image into the cache. False when it could not be fetched (CORS) or stored. */
  cache(url: string): Promise<boolean>;
  /** An object URL of the cached full image, else `url` itself. */
  urlFor(url: string): Promise<string>;
  /**
   * An object URL of the image's thumbnail (made once, then stored), else of the full cached
   * image where no thumbnail can be made, else `url` itself.
   */
  thumbUrlFor(url: string): Promise<string>;
  /** Deletes the oldest cached images and clips until `bytes` are freed; returns how many went. */
  evict(bytes: number, keep?: string): Promise<Evicted>;
  /** Revokes the object URLs of images that are gone. */
  forget(urls: string[]): void;
  /** The quota-aware write used by every store of the tab. */
  withRoom<T>(write: () => Promise<T>, size: number | (() => number), keep?: string): Promise<T>;
  close(): void;
}

/** Creates the image cache over a lazily opened database. */
export function createImageCache(options: ImageCacheOptions): ImageCache {
  const { db, now, maxImageBytes } = options;
  const thumbnail = options.thumbnail ?? ((blob: Blob) => makeThumbnail(blob));
  /** Object URLs handed out, by key (`url` or `thumb:url`), so each blob gets one. */
  const objectUrls = new Map<string, string>();
  /** Thumbnails being made, so two tiles of one image make it once. */
  const making = new Map<string, Promise<string>>();

  function objectUrl(key: string, blob: Blob): string {
    const known = objectUrls.get(key);
    if (known) return known;
    const made = URL.createObjectURL(blob);
    objectUrls.set(key, made);
    return made;
  }

  function forgetKey(key: string): void {
    const known = objectUrls.get(key);
    if (known) URL.revokeObjectURL(known);
    objectUrls.delete(key);
  }

  const room: RoomDeps = {
    evict: (bytes, keep) => cache.evict(bytes, keep),
    notice: options.notice,
  };

  async function makeThumb(url: string): Promise<string> {
    const d = await db();
    const stored = await d.get('thumbs', url);
    if (stored) return objectUrl(`thumb:${url}`, stored.blob);
    const full = await d.get('blobs', url);
    if (!full) return url;
    const small = await thumbnail(full.blob);
    if (!small) return objectUrl(url, full.blob);
    try {
      await cache.withRoom(() => d.put('thumbs', { url, ...small }), small.blob.size, url);
    } catch {
      // Not stored (storage full): shown anyway, made again next time.
    }
    return objectUrl(`thumb:${url}`, small.blob);
  }

  const cache: ImageCache = {
    async cache(url) {
      if (!url || /^(blob|data):/i.test(url)) return false;
      try {
        const d = await db();
        if ((await d.getKey('blobs', url)) !== undefined) return true;
        // CORS mode: a host that does not allow us simply fails here, and the remote URL is used.
        const res = await options.fetch(url, { mode: 'cors', credentials: 'omit' });
        if (!res.ok) return false;
        const blob = await res.blob();
        if (blob.size === 0 || blob.size > maxImageBytes) return false;
        const record: CachedImage = { url, blob, size: blob.size, storedAt: now() };
        await cache.withRoom(() => d.put('blobs', record), blob.size, url);
        return true;
      } catch {
        return false;
      }
    },

    async urlFor(url) {
      const known = objectUrls.get(url);
      if (known) return known;
      try {
        const cached = await (await db()).get('blobs', url);
        return cached ? objectUrl(url, cached.blob) : url;
      } catch {
        return url;
      }
    },

    async thumbUrlFor(url) {
      const known = objectUrls.get(`thumb:${url}`);
      if (known) return known;
      let pending = making.get(url);
      if (!pending) {
        pending = makeThumb(url).catch(() => url);
        making.set(url, pending);
        void pending.finally(() => making.delete(url));
      }
      return pending;
    },

    async evict(bytes, keep) {
      const d = await db();
      const tx = d.transaction(['blobs', 'thumbs'], 'readwrite');
      let freed = 0;
      const count: Evicted = { images: 0, clips: 0 };
      let cursor = await tx.objectStore('blobs').index('storedAt').openCursor();
      while (cursor && freed < bytes) {
        const { url, size, blob } = cursor.value;
        if (url !== keep) {
          freed += size;
          if (isClip(blob, url)) count.clips += 1;
          else count.images += 1;
          cache.forget([url]);
          await tx.objectStore('thumbs').delete(url);
          await cursor.delete();
        }
        cursor = await cursor.continue();
      }
      await tx.done;
      return count;
    },

    forget(urls) {
      for (const url of urls) {
        forgetKey(url);
        forgetKey(`thumb:${url}`);
      }
    },

    withRoom: (write, size, keep) => withRoom(room, write, size, keep),

    close() {
      for (const made of objectUrls.values()) URL.revokeObjectURL(made);
      objectUrls.clear();
    },
  };
  return cache;
}
