/**
 * Loads a language's catalogs and makes it the active one. Each language is loaded lazily in two
 * chunks (English never downloads Chinese and the other way round; production code holds message
 * ids only, not the English text): a build puts the messages the first render shows in the first
 * (`catalog-<locale>.ts`) and the rest in the second (`catalog-<locale>-later.ts`), which loads
 * once the page has painted, or as soon as a lazy part needs it (`later-messages.ts`). In
 * development and tests the first chunk holds every message and the second none.
 */
import { i18n, type Messages } from '@lingui/core';
import { rememberLocale, type Locale } from './locales';

type Catalog = () => Promise<{ messages: Messages }>;

const FIRST: Record<Locale, Catalog> = {
  en: () => import('./catalog-en'),
  'zh-CN': () => import('./catalog-zh-cn'),
};

const LATER: Record<Locale, Catalog> = {
  en: () => import('./catalog-en-later'),
  'zh-CN': () => import('./catalog-zh-cn-later'),
};

/** Each language's later messages, loading or loaded (a failed load is tried again). */
const later = new Map<Locale, Promise<Messages>>();

function loadLater(locale: Locale): Promise<Messages> {
  let loading = later.get(locale);
  if (!loading) {
    loading = LATER[locale]().then((m) => m.messages);
    later.set(locale, loading);
    loading.catch(() => later.delete(locale));
  }
  return loading;
}

function setLang(locale: Locale): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/**
 * Load a language's first messages, activate it, and set `<html lang>`: what the first paint
 * needs. The rest follows with {@link loadLaterMessages}.
 */
export async function activateLocale(locale: Locale): Promise<void> {
  const { messages } = await FIRST[locale]();
  // A copy: the later messages are added to it, never to the catalog module's own object.
  i18n.loadAndActivate({ locale, messages: { ...messages } });
  setLang(locale);
}

/** Whether a message was asked for before it was loaded (a part that did not wait for it). */
let missed = false;
i18n.on('missing', () => {
  missed = true;
});

/**
 * Adds the active language's later messages. Added to the active catalog in place when nothing
 * asked for one of them yet, since `i18n.load` would re-render every component for nothing (every
 * lazy part that words them waits for them, see `later-messages.ts`); through `i18n.load`, which
 * re-renders, when something on screen shows an id in their place.
 */
export async function loadLaterMessages(): Promise<void> {
  const locale = i18n.locale as Locale;
  const messages = await loadLater(locale);
  if (i18n.locale !== locale) return;
  if (missed) i18n.load(locale, messages);
  else Object.assign(i18n.messages, messages);
}

/** Every message of a language (both parts), without activating it. */
export async function catalogOf(locale: Locale): Promise<Messages> {
  const [first, rest] = await Promise.all([FIRST[locale](), loadLater(locale)]);
  return { ...first.messages, ...rest };
}

/** Switch the studio to a language chosen in Settings (all its messages), and remember it. */
export async function switchLocale(locale: Locale): Promise<void> {
  rememberLocale(locale);
  const [first, rest] = await Promise.all([FIRST[locale](), loadLater(locale)]);
  i18n.loadAndActivate({ locale, messages: { ...first.messages, ...rest } });
  setLang(locale);
}
