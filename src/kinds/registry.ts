/**
 * Every endpoint the studio speaks, one line each. Adding one is a folder `src/kinds/<name>/`
 * (contract, kind, card, tools, words, entry; README "Adding an endpoint") and one line here.
 * The list is handed to the services once (`app/services.ts`); nothing below `kinds/` names a
 * kind.
 */
import type { WordsLoader } from '../i18n/say';
import { createKindRegistry, type KindRegistry } from '../jobs/kind';
import { describeEntry } from './describe/describe-entry';
import { editsEntry } from './edits/edits-entry';
import { imagineEntry } from './imagine/imagine-entry';
import type { KindEntry } from './shared/kind-entry';
import { seedEntry } from './seed/seed-entry';
import { shortenEntry } from './shorten/shorten-entry';
import { translateEntry } from './translate/translate-entry';
import { videosEntry } from './videos/videos-entry';

/** The studio's endpoints. */
export const KINDS: readonly KindEntry[] = [
  imagineEntry,
  editsEntry,
  describeEntry,
  videosEntry,
  shortenEntry,
  translateEntry,
  seedEntry,
];

/**
 * The job kinds of `entries`, for the runner and an import. A job that names no kind (stored
 * before kinds existed, or submitted without one) is imagine.
 */
export function jobKinds(entries: readonly KindEntry[] = KINDS): KindRegistry {
  const kinds = entries.flatMap((entry) => (entry.job ? [entry.job] : []));
  return createKindRegistry(kinds, imagineEntry.name);
}

/** The words of the API, jobs and storage layers' messages, as one lazy chunk. */
const loadCoreWords = () => import('../storage/core-words').then((m) => m.words);

/** The words of the studio's messages among `entries`: its layers' own, then each kind's. */
export function studioWords(entries: readonly KindEntry[] = KINDS): WordsLoader[] {
  return [loadCoreWords, ...entries.flatMap((entry) => (entry.words ? [entry.words] : []))];
}
