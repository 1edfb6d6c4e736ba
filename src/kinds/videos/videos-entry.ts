/** The videos endpoint, as the registry lists it. */
import type { KindEntry } from '../shared/kind-entry';
import { lazyCard } from '../shared/lazy-card';
import { videosKind } from './videos-kind';

/** Videos: an image animated into four clips, or a clip extended, run as a job. */
export const videosEntry: KindEntry = {
  name: 'videos',
  job: videosKind,
  card: lazyCard(() => import('./videos-card').then((m) => m.VideosCard)),
  words: () => import('./videos-words').then((m) => m.words),
  contract: () => import('./videos-contract'),
};
