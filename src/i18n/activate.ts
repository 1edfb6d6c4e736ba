/**
 * Loads a language's catalogs and makes it the active one. Each language is one lazily loaded
 * chunk holding both of its catalogs (`core` and `work`), so English never downloads Chinese and
 * the other way round; production code holds message ids only, not the English text.
 */
import { i18n, type Messages } from '@lingui/core';
import { rememberLocale, type Locale } from './locales';

const CATALOGS: Record<Locale, () => Promise<{ messages: Messages }>> = {
  en: () => import('./catalog-en'),
  'zh-CN': () => import('./catalog-zh-cn'),
};

/** Load a language's messages, activate it, and set `<html lang>`. */
export async function activateLocale(locale: Locale): Promise<void> {
  const { messages } = await CATALOGS[locale]();
  i18n.loadAndActivate({ locale, messages });
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/** Switch the studio to a language chosen in Settings, and remember the choice. */
export async function switchLocale(locale: Locale): Promise<void> {
  rememberLocale(locale);
  await activateLocale(locale);
}
