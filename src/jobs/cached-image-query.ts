import { queryOptions } from '@tanstack/react-query';
import type { Persistence } from './persistence';

/** What the cached-image look-up needs of the image cache. */
export type ImageCacheReader = Pick<Persistence, 'dbName' | 'imageUrlFor'>;

/** Query key prefix of the cached-image look-ups (dropped after a delete: the URLs are revoked). */
export const CACHED_IMAGE_KEY = ['cached-image'] as const;

/**
 * The one query for a finished image's cached copy, shared by the feed (a link that expired) and
 * History (tiles): an object URL when the blob is cached, else null. Keys come only from here.
 */
export function cachedImageQuery(cache: ImageCacheReader, url: string) {
  return queryOptions({
    queryKey: [...CACHED_IMAGE_KEY, cache.dbName, url],
    queryFn: async () =>
      (await cache.imageUrlFor({ result: { raw_image_url: url, actions: [] } })) ?? null,
    staleTime: Infinity,
    enabled: url !== '',
  });
}
