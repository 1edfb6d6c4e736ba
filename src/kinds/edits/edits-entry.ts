/** The edits endpoint, as the registry lists it. */
import type { KindEntry } from '../shared/kind-entry';
import { lazyCard } from '../shared/lazy-card';
import { editsKind } from './edits-kind';

/** Edits: an image edited with a prompt (and a mask), run as a job whose result is a grid. */
export const editsEntry: KindEntry = {
  name: 'edits',
  job: editsKind,
  card: lazyCard(() => import('../shared/picture/picture-card').then((m) => m.PictureCard)),
  words: () => import('../shared/picture-words').then((m) => m.words),
  contract: () => import('./edits-contract'),
};
