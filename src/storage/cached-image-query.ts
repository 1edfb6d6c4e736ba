import { queryOptions } from '@tanstack/react-query';
import type { Persistence } from './persistence/persistence';

/** What the cached-image look-up needs of the image cache. */
export type ImageCacheReader = Pick<Persistence, 'dbName' | 'imageUrlFor' | 'thumbUrlFor'>;

/** Query key prefix of the cached-image look-ups (dropped after a delete: the URLs are revoked). */
export const CACHED_IMAGE_KEY = ['cached-image'] as const;

/** Which copy: the full image (feed, lightbox) or its ≤ 512 px thumbnail (History tiles). */
export type CachedImageSize = 'full' | 'thumb';

/**
 * The one query for a finished image's cached copy, shared by the feed (a link that expired) and
 * History (tiles, as thumbnails: a tile never decodes the 2048² original). An object URL when the
 * image is cached; for the full size null when it is not, for the thumbnail the URL itself.
 * Keys come only from here.
 */
export function cachedImageQuery(
  cache: ImageCacheReader,
  url: string,
  size: CachedImageSize = 'full',
) {
  return queryOptions({
    queryKey: [...CACHED_IMAGE_KEY, cache.dbName, size, url],
    queryFn: async () =>
      size === 'thumb'
        ? cache.thumbUrlFor(url)
        : ((await cache.imageUrlFor({ result: { raw_image_url: url, actions: [] } })) ?? null),
    staleTime: Infinity,
    enabled: url !== '',
  });
}
