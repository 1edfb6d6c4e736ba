/**
 * A fallback persistence for the history when the app passes none. (Saving files is in
 * components/ui/save-file; Undo is `Persistence.restoreDeleted`.)
 */
import { createPersistence, type Persistence } from '../../jobs/persistence';
import type { JobsStore } from '../../jobs/store';

const fallbacks = new WeakMap<JobsStore, Persistence>();

/**
 * A persistence for `store` when the app passes none. It is passive: it treats every job as this
 * tab's own, so it never rewrites the store from other tabs' announcements (the runner's
 * persistence already does; two doing it would race on live progress).
 */
export function fallbackPersistence(store: JobsStore): Persistence {
  let persistence = fallbacks.get(store);
  if (!persistence) {
    persistence = createPersistence({ store });
    persistence.setLocalOwner(() => true);
    fallbacks.set(store, persistence);
  }
  return persistence;
}
