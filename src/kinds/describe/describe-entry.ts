/** The describe endpoint, as the registry lists it. */
import type { KindEntry } from '../shared/kind-entry';
import { lazyTool } from '../shared/kind-tools';
import { lazyCard } from '../shared/lazy-card';
import { describeKind } from './describe-kind';

/**
 * Describe: four prompts for an image, run as a job. The service keeps a task for it, so a lost
 * answer is looked up rather than paid for again, and the prompts stay in History's search.
 */
export const describeEntry: KindEntry = {
  name: 'describe',
  job: describeKind,
  card: lazyCard(() => import('./describe-card').then((m) => m.DescribeCard)),
  tools: {
    image: [lazyTool(() => import('./describe-tools').then((m) => m.DescribeImageTool))],
    prompt: [lazyTool(() => import('./describe-tools').then((m) => m.DescribePromptTool))],
  },
  words: () => import('./describe-words').then((m) => m.words),
  contract: () => import('./describe-contract'),
};
