/**
 * The image cache: final images as blobs keyed by their remote URL (remote URLs expire), their
 * thumbnails, eviction of the oldest when storage is full, and one object URL per blob. A copy
 * that could not be kept is tried again (`keepMissing`) until its link is dead, and a copy that
 * no longer decodes is removed and fetched again (`repair`); every change is announced.
 */
import type { StudioDb } from '../repository/schema';
import { isLinkExpired } from '../../prompt/link-expiry';
import {
  isClipUrl,
  noCopyYet,
  originOf,
  pictureCheckUrl,
  type CopyMeans,
  type KeptCopy,
} from './kept-copy';
import { keepOne, missing, type Decodes } from './keep-one';
import type { Evicted } from './evicted-message';
import { withRoom, type RoomDeps } from './room';
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
  /** Where an opaque response waits while the page decodes it (see `keep-one.ts`). */
  stagingCache?: () => Promise<Cache>;
  /** Decodes a picture URL in the page; without it no opaque copy is kept. */
  decodes?: Decodes;
  /** Origins the page's Content-Security-Policy refused, and news of more. */
  blocked?: BlockedOrigins;
}

/** Origins the page refused to load pictures from (see `blocked-origins.ts`). */
export interface BlockedOrigins {
  has(origin: string): boolean;
  subscribe(listener: (origin: string) => void): () => void;
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
  /**
   * Keeps, one after another, a copy of each of `urls` that has none and whose link lives (after
   * the network came back, at a start, from History). Resolves when all were tried.
   */
  keepMissing(urls: string[]): Promise<void>;
  /**
   * The kept copy of `url` is decoded; one that does not decode is removed and, while the link
   * lives, fetched again. Returns the copy there is afterwards.
   */
  repair(url: string): Promise<KeptCopy>;
  /** Calls `listener` with the URL of every copy kept, removed or newly explained. */
  onChange(listener: (url: string) => void): () => void;
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

  const listeners = new Set<(url: string) => void>();
  const changed = (url: string) => listeners.forEach((listener) => listener(url));
  const means = (): CopyMeans => options.means?.() ?? { relay: null, offlineCache: false };

  async function keepOnce(url: string): Promise<KeptCopy> {
    if (!url || /^(blob|data):/i.test(url)) return { kind: 'none', reason: 'not a picture link' };
    const known = await storedCopy(url);
    if (known) return known;
    const copy = await keepOne(
      {
        db,
        fetch: options.fetch,
        now,
        maxImageBytes,
        means,
        withRoom: (write, size, keep) => cache.withRoom(write, size, keep),
        ...(options.pictureCache ? { pictureCache: options.pictureCache } : {}),
        ...(options.stagingCache ? { stagingCache: options.stagingCache } : {}),
        ...(options.decodes ? { decodes: options.decodes } : {}),
        ...(options.blocked ? { blocked: (o: string) => options.blocked!.has(o) } : {}),
      },
      url,
    );
    if (copy.kind === 'none') failures.set(url, copy);
    else failures.delete(url);
    changed(url);
    return copy;
  }

  /** Every URL with a stored copy (IndexedDB and Cache Storage), read in two bulk reads. */
  async function storedUrls(): Promise<Set<string>> {
    const urls = new Set<string>();
    try {
      for (const key of await (await db()).getAllKeys('blobs')) urls.add(String(key));
      if (options.pictureCache) {
        for (const request of await (await options.pictureCache()).keys()) urls.add(request.url);
      }
    } catch {
      // Unreadable storage: everything counts as missing, and keep() finds out per picture.
    }
    return urls;
  }

  /** Does the stored copy of `url` decode? null: cannot tell here. */
  async function copyDecodes(url: string, kind: KeptCopy['kind']): Promise<boolean | null> {
    if (!options.decodes) return null;
    if (kind === 'offline') return options.decodes(pictureCheckUrl(url, 'kept'));
    const record = await (await db()).get('blobs', url);
    if (!record) return null;
    const probe = URL.createObjectURL(record.blob);
    try {
      return await options.decodes(probe);
    } finally {
      URL.revokeObjectURL(probe);
    }
  }

  async function removeCopy(url: string, kind: KeptCopy['kind']): Promise<void> {
    if (kind === 'offline') {
      await (await options.pictureCache?.())?.delete(url);
      return;
    }
    const tx = (await db()).transaction(['blobs', 'thumbs'], 'readwrite');
    await Promise.all([tx.objectStore('blobs').delete(url), tx.objectStore('thumbs').delete(url)]);
    await tx.done;
    cache.forget([url]);
  }

  // A host the page's policy refuses explains every copy of it that could not be kept.
  options.blocked?.subscribe((origin) => {
    for (const [url, copy] of failures) {
      if (originOf(url) !== origin || copy.kind !== 'none' || !copy.missing) continue;
      if (copy.missing.code === 'lost') continue;
      failures.set(url, missing({ code: 'untrusted', origin }));
      changed(url);
    }
  });

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
      const stored = await storedCopy(url);
      if (stored) return stored;
      const failed = failures.get(url);
      // A link that expired since it failed: the copy is lost now.
      if (failed && failed.kind === 'none' && failed.missing && isLinkExpired(url, now()))
        return missing({ code: 'lost' });
      return failed ?? noCopyYet(url, now(), means());
    },

    async keepMissing(urls) {
      const have = await storedUrls();
      for (const url of urls) {
        if (have.has(url) || isLinkExpired(url, now())) continue;
        if (means().online === false) return;
        // A clip cannot be kept without a relay: trying again changes nothing.
        if (isClipUrl(url) && !means().relay) continue;
        await cache.keep(url);
      }
    },

    async repair(url) {
      const copy = await cache.copyOf(url);
      if (copy.kind === 'none') return copy;
      if ((await copyDecodes(url, copy.kind)) !== false) return copy;
      await removeCopy(url, copy.kind);
      failures.delete(url);
      changed(url);
      return cache.keep(url);
    },

    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
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
      // An error status is never kept as a copy (an opaque one hides its status: it was checked).
      for (const [url, copy] of entries) {
        if (copy.type === 'opaque' || copy.ok) await offline.put(url, copy);
      }
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
