/**
 * The studio's own sentences from the jobs layer (a job's note, a studio-made error, a storage
 * notice, an import refusal, why no copy was kept) in the person's language. The jobs layer writes
 * them in English, because they are stored (IndexedDB, exported history files) and must read the
 * same whatever language the page had then; they are translated only where they are shown, so a
 * language switch changes them too. Text that is not the studio's own (the provider's messages,
 * kept word for word) passes through unchanged.
 *
 * The table of those sentences is kept out of the first script: it is fetched alongside the
 * language's catalogs, before the first paint (see main.tsx), so it is there when a card shows.
 */
import type { I18n } from '@lingui/core';

let table: typeof import('./job-text-table') | null = null;

/** Fetch the table of the jobs layer's sentences (once). */
export async function loadJobTextTable(): Promise<void> {
  table ??= await import('./job-text-table');
}

/**
 * A sentence of the jobs layer in the language of `i18n`; anything else is returned as it is
 * (so is everything until the table has loaded, which it has by the first paint).
 */
export function jobText(text: string, i18n: I18n): string {
  return table ? table.translateJobText(text, i18n) : text;
}
