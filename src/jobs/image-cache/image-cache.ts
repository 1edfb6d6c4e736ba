/**
 * The image cache: final images as blobs keyed by their remote URL (remote URLs expire), their
 * thumbnails, eviction of the oldest when storage is full, and one object URL per blob.
 */
import type { CachedImage, StudioDb } from '../repository/schema';
import {
  copyPlan,
  isClipUrl,
  noCopyReason,
  notKeptReason,
  relayUrlFor,
  type CopyMeans,
  type KeptCopy,
} from './kept-copy';
import { withRoom, type Evicted, type RoomDeps } from './room';
import { makeThumbnail, type Thumbnail } from './thumbnail';

/** A cached video clip (kept in the same store as pictures, keyed by its URL too). */
export function isClip(blob: Blob, url = ''): boolean {
  return blob.type.startsWith('video/') || isClipUrl(url);
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
  /** What this page can keep copies with (read when a copy is kept); default: blobs only. */
  means?: () => CopyMeans;
  /** The Cache Storage cache of opaque copies (the service worker answers from it). */
  pictureCache?: () => Promise<Cache>;
}

/** The cache of one tab. */
export interface ImageCache {
  /**
   * Keeps a copy of a final image by the best means there is (a blob read directly, a blob read
   * through the relay, an opaque copy in Cache Storage); says which, or why none.
   */
  keep(url: string): Promise<KeptCopy>;
  /** Which copy is kept of `url` (none: with the reason). */
  copyOf(url: string): Promise<KeptCopy>;
  /** The readable bytes of a kept copy (blob or relay), else null. */
  blobOf(url: string): Promise<Blob | null>;
  /** An object URL of the cached full image, else `url` itself. */
  urlFor(url: string): Promise<string>;
  /**
   * An object URL of the image's thumbnail (made once, then stored), else of the full cached
   * image where no thumbnail can be made, else `url` itself.
   */
  thumbUrlFor(url: string): Promise<string>;
  /** Deletes the oldest cached images and clips until `bytes` are freed; returns how many went. */
  evict(bytes: number, keep?: string): Promise<Evicted>;
  /**
   * Deletes the offline cache's copies of `urls` (a deleted job's pictures must not stay behind);
   * returns them, so Undo can put them back.
   */
  dropOffline(urls: string[]): Promise<[string, Response][]>;
  /** Puts back what `dropOffline` removed. */
  restoreOffline(entries: [string, Response][]): Promise<void>;
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
  /** Why a copy could not be kept, by URL (this tab only; the card shows it). */
  const failures = new Map<string, KeptCopy>();
  /** Copies being kept, so the card's label waits for the outcome and two keeps fetch once. */
  const keeping = new Map<string, Promise<KeptCopy>>();

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

  /** The copy already stored (IndexedDB or Cache Storage), if any. */
  async function storedCopy(url: string): Promise<KeptCopy | null> {
    try {
      const record = await (await db()).get('blobs', url);
      if (record) return { kind: record.via ?? 'blob' };
      if (options.pictureCache && (await (await options.pictureCache()).match(url)))
        return { kind: 'offline' };
    } catch {
      // Unreadable storage: no copy.
    }
    return null;
  }

  async function keepOnce(url: string): Promise<KeptCopy> {
    if (!url || /^(blob|data):/i.test(url)) return { kind: 'none', reason: 'not a picture link' };
    const known = await storedCopy(url);
    if (known) return known;
    const means = options.means?.() ?? { relay: null, offlineCache: false };
    let dead = false;
    for (const kind of copyPlan(means, url)) {
      try {
        if (kind === 'offline') {
          // copyPlan leaves clips out: the worker answers `<img>` only, and a `<video>` reads
          // in byte ranges an opaque copy cannot answer.
          if (!options.pictureCache) continue;
          // An opaque response: the page cannot read it, but Cache Storage keeps it and the
          // service worker answers the `<img>` with it after the link expired.
          const res = await options.fetch(url, { mode: 'no-cors', credentials: 'omit' });
          if (res.type !== 'opaque' && !res.ok) continue;
          await (await options.pictureCache()).put(url, res);
          return { kind: 'offline' };
        }
        // CORS mode: a host that does not allow us simply fails here; the relay reads it
        // server-side from an allow-listed origin.
        const res =
          kind === 'blob'
            ? await options.fetch(url, { mode: 'cors', credentials: 'omit' })
            : await options.fetch(relayUrlFor(means.relay ?? '', url), { credentials: 'omit' });
        if (res.status === 404 || res.status === 410) dead = true;
        if (!res.ok) continue;
        const blob = await res.blob();
        if (blob.size === 0 || blob.size > maxImageBytes) continue;
        const record: CachedImage = { url, blob, size: blob.size, storedAt: now(), via: kind };
        const d = await db();
        await cache.withRoom(() => d.put('blobs', record), blob.size, url);
        return { kind };
      } catch {
        // The next means.
      }
    }
    const copy: KeptCopy = { kind: 'none', reason: notKeptReason(means, dead, url) };
    failures.set(url, copy);
    return copy;
  }

  const cache: ImageCache = {
    keep(url) {
      let pending = keeping.get(url);
      if (!pending) {
        pending = keepOnce(url);
        keeping.set(url, pending);
        void pending.finally(() => keeping.delete(url));
      }
      return pending;
    },

    async copyOf(url) {
      const pending = keeping.get(url);
      if (pending) return pending;
      const means = options.means?.() ?? { relay: null, offlineCache: false };
      return (
        (await storedCopy(url)) ??
        failures.get(url) ?? { kind: 'none', reason: noCopyReason(url, now(), means) }
      );
    },
    async blobOf(url) {
      try {
        return (await (await db()).get('blobs', url))?.blob ?? null;
      } catch {
        return null;
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
      const count: Required<Evicted> = { images: 0, clips: 0, relayed: 0, thumbs: 0 };
      let cursor = await tx.objectStore('blobs').index('storedAt').openCursor();
      while (cursor && freed < bytes) {
        const { url, size, blob, via } = cursor.value;
        if (url !== keep) {
          freed += size;
          if (isClip(blob, url)) count.clips += 1;
          else count.images += 1;
          if (via === 'relay' && !isClip(blob, url)) count.relayed += 1;
          cache.forget([url]);
          const thumbs = tx.objectStore('thumbs');
          if ((await thumbs.count(url)) > 0) count.thumbs += 1;
          await thumbs.delete(url);
          await cursor.delete();
        }
        cursor = await cursor.continue();
      }
      await tx.done;
      return count;
    },

    async dropOffline(urls) {
      const dropped: [string, Response][] = [];
      if (!options.pictureCache || urls.length === 0) return dropped;
      try {
        const offline = await options.pictureCache();
        for (const url of urls) {
          const copy = await offline.match(url);
          if (copy && (await offline.delete(url))) dropped.push([url, copy]);
        }
      } catch {
        // Cache Storage unreadable: nothing there to delete.
      }
      return dropped;
    },

    async restoreOffline(entries) {
      if (!options.pictureCache || entries.length === 0) return;
      const offline = await options.pictureCache();
      for (const [url, copy] of entries) await offline.put(url, copy);
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
