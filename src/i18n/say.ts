/**
 * Words for the studio's messages (`Msg`: a code and params) in the person's language. Records
 * keep codes, never sentences; they are worded only here, where they are shown, from the tables
 * of words each layer and each kind registers (`registerWords`; `app/services.ts` registers the
 * studio's, a kind's come through its registry entry). The tables load lazily, with the feed's
 * cards (`loadWords`), so the first paint waits for none of them.
 */
import type { I18n } from '@lingui/core';
import { isMsg, type Msg } from '../api/message';
import type { WordParams, WordsTable } from '../api/words';

/** Loads one table of words (a dynamic import, so it is its own chunk). */
export type WordsLoader = () => Promise<WordsTable>;

const loaders = new Set<WordsLoader>();
const loaded = new Set<WordsLoader>();
let table: Record<string, WordsTable[string]> = {};
let loading: Promise<WordsTable> | null = null;
/** Where a message was asked for before its words were there, to be shown again once they are. */
let early: I18n | null = null;

/** Adds tables of words (once each); they load with the next `loadWords`. */
export function registerWords(...more: readonly WordsLoader[]): void {
  for (const loader of more) loaders.add(loader);
}

/** Loads every registered table not loaded yet (a failed load is tried again next time). */
export function loadWords(): Promise<WordsTable> {
  const pending = [...loaders].filter((l) => !loaded.has(l));
  if (pending.length === 0) return Promise.resolve(table);
  loading ??= Promise.all(pending.map((load) => load())).then(
    (tables) => {
      pending.forEach((l) => loaded.add(l));
      table = Object.assign({}, table, ...tables) as typeof table;
      loading = null;
      // Whatever showed a message before its words were there renders again (an i18n change
      // does that).
      if (early) early.load(early.locale, {});
      early = null;
      return table;
    },
    (err: unknown) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}

/** Every code with words, and its words (for the one-time migration of stored sentences). */
export function wordsTable(): WordsTable {
  return table;
}

/**
 * A message in the language of `i18n`: a `Msg` is worded from the tables (its nested messages
 * too); a string is data (a provider's words, a browser's error text) and is shown as it is.
 */
export function say(text: Msg | string | undefined, i18n: I18n): string {
  if (text === undefined) return '';
  if (!isMsg(text)) return text;
  const words = table[text.code];
  if (!words) {
    if (loaders.size > loaded.size) {
      early = i18n;
      void loadWords().catch(() => {});
      return '';
    }
    return `(${text.code})`;
  }
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(text.params ?? {})) {
    params[key] = isMsg(value) ? say(value, i18n) : value;
  }
  const said = words(params as WordParams, i18n);
  return typeof said === 'string' ? said : i18n._(said);
}
