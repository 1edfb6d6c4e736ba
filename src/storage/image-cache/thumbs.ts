/**
 * What a tile or the lightbox shows of a kept picture: an object URL of its thumbnail (made once,
 * then stored) or of the full copy, else the remote URL itself.
 */
import type { StudioDb } from '../repository/schema';
import type { WithRoom } from './cache-options';
import type { ObjectUrls } from './object-urls';
import type { Thumbnail } from './thumbnail';

/** What the picture URLs are made from. */
export interface ThumbsDeps {
  db: () => Promise<StudioDb>;
  urls: ObjectUrls;
  thumbnail: (blob: Blob) => Promise<Thumbnail | null>;
  withRoom: WithRoom;
}

/** The picture URLs of one tab's cache. */
export interface Thumbs {
  /** An object URL of the cached full image, else `url` itself. */
  urlFor(url: string): Promise<string>;
  /** An object URL of the thumbnail, else of the full cached image, else `url` itself. */
  thumbUrlFor(url: string): Promise<string>;
}

/** Picture URLs over `deps`. */
export function createThumbs(deps: ThumbsDeps): Thumbs {
  const { db, urls } = deps;
  /** Thumbnails being made, so two tiles of one image make it once. */
  const making = new Map<string, Promise<string>>();

  async function makeThumb(url: string): Promise<string> {
    const d = await db();
    const stored = await d.get('thumbs', url);
    if (stored) return urls.of(`thumb:${url}`, stored.blob);
    const full = await d.get('blobs', url);
    if (!full) return url;
    const small = await deps.thumbnail(full.blob);
    if (!small) return urls.of(url, full.blob);
    try {
      await deps.withRoom(() => d.put('thumbs', { url, ...small }), small.blob.size, url);
    } catch {
      // Not stored (storage full): shown anyway, made again next time.
    }
    return urls.of(`thumb:${url}`, small.blob);
  }

  return {
    async urlFor(url) {
      const known = urls.get(url);
      if (known) return known;
      try {
        const cached = await (await db()).get('blobs', url);
        return cached ? urls.of(url, cached.blob) : url;
      } catch {
        return url;
      }
    },

    async thumbUrlFor(url) {
      const known = urls.get(`thumb:${url}`);
      if (known) return known;
      let pending = making.get(url);
      if (!pending) {
        pending = makeThumb(url).catch(() => url);
        making.set(url, pending);
        void pending.finally(() => making.delete(url));
      }
      return pending;
    },
  };
}
