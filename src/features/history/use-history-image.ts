import { useQuery } from '@tanstack/react-query';
import { CACHED_IMAGE_KEY, cachedImageQuery } from '../../storage/cached-image-query';
import type { Persistence } from '../../storage/persistence/persistence';
import type { HistoryJob } from './job-labels';

/** Query key prefix of the history's image look-ups (dropped after a delete: URLs are revoked). */
export const HISTORY_IMAGE_KEY = CACHED_IMAGE_KEY;

/**
 * What a tile shows: the cached thumbnail when there is one, else the job's (smaller)
 * `image_url`. Undefined while the cache is read, so a tile never loads the remote image and then
 * swaps it.
 */
export function useHistoryImage(persistence: Persistence, job: HistoryJob): string | undefined {
  const full = job.result?.raw_image_url ?? job.result?.image_url ?? describedImage(job) ?? '';
  const { data, isError } = useQuery(cachedImageQuery(persistence, full, 'thumb'));
  if (!full) return undefined;
  if (data?.startsWith('blob:')) return data;
  if (data === undefined && !isError) return undefined;
  return job.result?.image_url ?? full;
}

/** The picture a describe job read (it makes none of its own): its tile shows that one. */
export function describedImage(job: HistoryJob): string | undefined {
  const url = job.kind === 'describe' ? job.request.image_url : undefined;
  return typeof url === 'string' && url ? url : undefined;
}
