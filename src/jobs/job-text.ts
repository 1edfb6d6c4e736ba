/**
 * The studio's own sentences from the jobs layer (a job's note, a studio-made error, a storage
 * notice, an import refusal, why no copy was kept) in the person's language. The jobs layer writes
 * them in English, because they are stored (IndexedDB, exported history files) and must read the
 * same whatever language the page had then; they are translated only where they are shown, so a
 * language switch changes them too. Text that is not the studio's own (the provider's messages,
 * kept word for word) passes through unchanged.
 *
 * The table of those sentences is kept out of the first script: the feed's cards load with it
 * (features/feed), so it is there when a card shows.
 */
import type { I18n } from '@lingui/core';

let table: typeof import('./job-text-table') | null = null;
let loading: Promise<void> | null = null;
/** Where a sentence was asked for before the table was there, to be shown again once it is. */
let early: I18n | null = null;

// A function, so the failure handler below is not chained onto the import() itself (see
// lazy/import-chains.test.ts).
const importTable = () => import('./job-text-table');

/** Fetch the table of the jobs layer's sentences (once; a failed load is tried again). */
export function loadJobTextTable(): Promise<void> {
  loading ??= importTable().then(
    (m) => {
      table = m;
      // Whatever showed a sentence untranslated renders again (an i18n change does that).
      if (early) early.load(early.locale, {});
    },
    (err: unknown) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}

/**
 * A sentence of the jobs layer in the language of `i18n`; anything else is returned as it is
 * (so is everything until the table has loaded; it is shown again, translated, once it has).
 */
export function jobText(text: string, i18n: I18n): string {
  if (table) return table.translateJobText(text, i18n);
  early = i18n;
  void loadJobTextTable().catch(() => {});
  return text;
}
