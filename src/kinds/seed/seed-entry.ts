/** The seed endpoint, as the registry lists it. */
import type { KindEntry } from '../shared/kind-entry';
import { lazyTool } from '../shared/kind-tools';

/**
 * Seed: a plain tool, with no job kind. Why not a job:
 * - "Seed: N" is wanted on the grid it was asked about (and the browser tests look for it there),
 *   not on a card of its own;
 * - the service keeps no task for it (reference §7.4, assumed), so a lost answer cannot be looked
 *   up — asking again is the retry, which is what the job machine would add;
 * - it is cheap and instant: a queue, history and cross-tab adoption would be weight without use.
 */
export const seedEntry: KindEntry = {
  name: 'seed',
  tools: {
    image: [lazyTool(() => import('./seed-tools').then((m) => m.SeedImageTool))],
  },
  contract: () => import('./seed-contract'),
};
