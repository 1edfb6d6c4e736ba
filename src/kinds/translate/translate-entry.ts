/** The translate endpoint, as the registry lists it. */
import type { KindEntry } from '../shared/kind-entry';
import { lazyTool } from '../shared/kind-tools';

/**
 * Translate: a plain tool, with no job kind. Why not a job:
 * - the translation is wanted in the prompt box it was asked from, not on a feed card;
 * - the service keeps no task for it (reference §7.4, assumed), so a lost answer cannot be looked
 *   up — asking again is the retry, which is what the job machine would add;
 * - it is cheap and instant: a queue, history and cross-tab adoption would be weight without use.
 */
export const translateEntry: KindEntry = {
  name: 'translate',
  tools: {
    prompt: [lazyTool(() => import('./translate-tools').then((m) => m.TranslatePromptTool))],
  },
  contract: () => import('./translate-contract'),
};
