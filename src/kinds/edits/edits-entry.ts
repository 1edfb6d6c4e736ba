/** The edits endpoint, as the registry lists it. */
import type { KindEntry } from '../shared/kind-entry';
import { lazyTool } from '../shared/kind-tools';
import { lazyCard } from '../shared/lazy-card';
import { editsKind } from './edits-kind';

/** Edits: an image edited with a prompt (and a mask), run as a job whose result is a grid. */
export const editsEntry: KindEntry = {
  name: 'edits',
  job: editsKind,
  card: lazyCard(() => import('../shared/picture/picture-card').then((m) => m.PictureCard)),
  tools: {
    image: [lazyTool(() => import('./edits-tools').then((m) => m.EditImageTool))],
    prompt: [lazyTool(() => import('./edits-tools').then((m) => m.EditPromptTool))],
  },
  words: () => import('../shared/picture-words').then((m) => m.words),
  contract: () => import('./edits-contract'),
};
