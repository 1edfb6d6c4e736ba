import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Persistence } from './persistence/persistence';

/** Query key prefix of the kept-copies summary. */
export const KEPT_SUMMARY_KEY = ['kept-summary'] as const;

/**
 * The summary of every kept copy (History shows it). `revision` is anything that changes when
 * copies may have come or gone (the number of jobs, a storage notice); it is part of the key, so
 * the summary is counted again then. Keys come only from here.
 */
export function keptSummaryQuery(
  persistence: Pick<Persistence, 'dbName' | 'keptSummary'>,
  revision: string,
) {
  return queryOptions({
    queryKey: [...KEPT_SUMMARY_KEY, persistence.dbName, revision],
    queryFn: () => persistence.keptSummary(),
    // Copies are kept in the background after a result arrives: counted afresh on every open.
    staleTime: 0,
    // The last count stays on screen while a new one is made (and an open details stays open).
    placeholderData: keepPreviousData,
  });
}
