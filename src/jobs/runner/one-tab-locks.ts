/** Locks for a runner alone in its tab's world: every claim succeeds (best effort). */
import type { JobLocks } from './ports';

/** Locks with no other tab to ask: a claim always succeeds, nothing is ever orphaned. */
export function oneTabLocks(): JobLocks {
  const held = new Set<string>();
  return {
    claim(id) {
      held.add(id);
      return Promise.resolve(true);
    },
    release: (id) => void held.delete(id),
    holds: (id) => held.has(id),
    watch() {},
    unwatch() {},
    dispose: () => held.clear(),
  };
}
