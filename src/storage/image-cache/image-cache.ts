/**
 * The image cache: final images as blobs keyed by their remote URL (remote URLs expire), their
 * thumbnails, eviction of the oldest when storage is full, and one object URL per blob. A copy
 * that could not be kept is tried again (`keepMissing`) until its link is dead, and a copy that
 * no longer decodes is removed and fetched again (`repair`); every change is announced.
 *
 * A facade over parts with one job each: `copy-keeper` (keeping copies and why not),
 * `object-urls`, `thumbs` (what a tile shows), `eviction` and `offline-copies`; `room` makes
 * space for every write of the tab.
 */
import type { ImageCacheOptions, WithRoom } from './cache-options';
import { createCopyKeeper, type CopyKeeper } from './copy-keeper';
import type { Evicted } from './room';
import { evict } from './eviction';
import { createObjectUrls } from './object-urls';
import { dropOffline, restoreOffline } from './offline-copies';
import { withRoom, type RoomDeps } from './room';
import { makeThumbnail } from './thumbnail';
import { createThumbs } from './thumbs';

/** The cache of one tab. */
export interface ImageCache extends CopyKeeper {
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
  const { db, pictureCache } = options;
  const urls = createObjectUrls();
  const room: RoomDeps = {
    evict: (bytes, keep) => evict(db, urls.forget, bytes, keep),
    notice: options.notice,
  };
  const roomy: WithRoom = (write, size, keep) => withRoom(room, write, size, keep);
  const keeper = createCopyKeeper(options, { withRoom: roomy, forget: urls.forget });
  const thumbs = createThumbs({
    db,
    urls,
    thumbnail: options.thumbnail ?? ((blob: Blob) => makeThumbnail(blob)),
    withRoom: roomy,
  });

  return {
    keep: keeper.keep,
    copyOf: keeper.copyOf,
    keepMissing: keeper.keepMissing,
    repair: keeper.repair,
    onChange: keeper.onChange,
    blobOf: keeper.blobOf,
    urlFor: thumbs.urlFor,
    thumbUrlFor: thumbs.thumbUrlFor,
    evict: room.evict,
    dropOffline: (list) => dropOffline(pictureCache, list),
    restoreOffline: (entries) => restoreOffline(pictureCache, entries),
    forget: urls.forget,
    withRoom: roomy,
    close: urls.revokeAll,
  };
}
