import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Persistence } from '../../jobs/persistence';
import type { HistoryJob } from './job-labels';

/** Query key prefix of the history's image look-ups (dropped after a delete: URLs are revoked). */
export const HISTORY_IMAGE_KEY = ['history', 'image'] as const;

/**
 * The tile image of one final image URL: an object URL of its thumbnail (≤ 512 px, made once and
 * stored) when the image is cached, else the URL. A tile never decodes the 2048² original.
 */
export function historyImageQuery(persistence: Persistence, url: string) {
  return queryOptions({
    queryKey: [...HISTORY_IMAGE_KEY, persistence.dbName, url],
    queryFn: () => persistence.thumbUrlFor(url),
    staleTime: Infinity,
    enabled: url !== '',
  });
}

/**
 * What a tile shows: the cached blob when there is one, else the job's (smaller) `image_url`.
 * Undefined while the cache is read, so a tile never loads the remote image and then swaps it.
 */
export function useHistoryImage(persistence: Persistence, job: HistoryJob): string | undefined {
  const full = job.result?.raw_image_url ?? job.result?.image_url ?? '';
  const { data, isError } = useQuery(historyImageQuery(persistence, full));
  if (!full) return undefined;
  if (data?.startsWith('blob:')) return data;
  if (data === undefined && !isError) return undefined;
  return job.result?.image_url ?? full;
}
