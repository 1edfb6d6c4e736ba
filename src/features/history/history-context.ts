import { createContext, useContext } from 'react';
import type { Persistence } from '../../storage/persistence/persistence';
import type { JobsStore } from '../../jobs/store';

/** What the history's components read jobs and images from; `HistoryView` provides it. */
export interface HistoryDeps {
  store: JobsStore;
  persistence: Persistence;
}

export const HistoryContext = createContext<HistoryDeps | null>(null);

/** The history's store and persistence; throws outside `HistoryView`. */
export function useHistoryDeps(): HistoryDeps {
  const deps = useContext(HistoryContext);
  if (!deps) throw new Error('HistoryContext is missing');
  return deps;
}
