/** The shorten endpoint, as the registry lists it. */
import type { KindEntry } from '../shared/kind-entry';
import { lazyTool } from '../shared/kind-tools';

/**
 * Shorten: a plain tool, with no job kind. Why not a job:
 * - its candidates are wanted where they were asked for, under the prompt being written; a feed
 *   card would take them away from there;
 * - the service keeps no task for it (reference §7.4, assumed), so the job machine's value —
 *   looking a lost answer up instead of paying again — does not apply: asking again is the retry;
 * - it is cheap and instant: a queue, history and cross-tab adoption would be weight without use.
 */
export const shortenEntry: KindEntry = {
  name: 'shorten',
  tools: {
    prompt: [lazyTool(() => import('./shorten-tools').then((m) => m.ShortenPromptTool))],
  },
  contract: () => import('./shorten-contract'),
};
