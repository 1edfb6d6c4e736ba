/** The imagine endpoint, as the registry lists it. */
import type { KindEntry } from '../shared/kind-entry';
import { lazyCard } from '../shared/lazy-card';
import { imagineKind } from './imagine-kind';

/** Imagine: prompts and every action on their pictures, run as jobs. */
export const imagineEntry: KindEntry = {
  name: 'imagine',
  job: imagineKind,
  card: lazyCard(() => import('../shared/picture/picture-card').then((m) => m.PictureCard)),
  words: () => import('../shared/picture-words').then((m) => m.words),
  contract: () => import('./imagine-contract'),
};
