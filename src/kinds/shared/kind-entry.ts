/**
 * What the registry lists for one endpoint: everything of it the studio needs, from its own
 * folder `src/kinds/<name>/`. Only the job kind is in the first load (it has no zod); the card
 * and the contract load on demand.
 */
import type { WordsLoader } from '../../i18n/say';
import type { Job } from '../../jobs/job';
import type { JobKind } from '../../jobs/kind';
import type { KindTools } from './kind-tools';
import type { LazyCard } from './lazy-card';

/** An endpoint's contract as every kind has one: its path (and its schemas). */
export interface KindContract {
  PATH: string;
}

/** One endpoint of the studio. */
export interface KindEntry {
  /** The endpoint's name: its folder, its path's last part, `job.kind` of its jobs. */
  name: string;
  /**
   * Its job kind, when it runs as a job (feed card, history, recovery). An endpoint without one
   * is a plain tool whose answer is shown where it was asked for; its entry says why.
   */
  job?: JobKind;
  /** How the feed draws a job of this kind, loaded on demand (every entry with a `job` has one). */
  card?: LazyCard;
  /** Its buttons, where the person asks (every entry without a `job` has at least one). */
  tools?: KindTools;
  /** The words of its own messages (`<name>-words.ts`), loaded with the feed's cards. */
  words?: WordsLoader;
  /** Its contract (path and schemas), loaded on demand. */
  contract(): Promise<KindContract>;
}

/**
 * The entry of a job's kind among `entries`: by its name, else (no kind, or one this version
 * does not know, e.g. imported) the fallback's, so it is still shown — and never run.
 */
export function entryOf(
  entries: readonly KindEntry[],
  fallback: string,
  job: Pick<Job, 'kind'>,
): KindEntry | undefined {
  const name = job.kind ?? fallback;
  return entries.find((e) => e.name === name) ?? entries.find((e) => e.name === fallback);
}
