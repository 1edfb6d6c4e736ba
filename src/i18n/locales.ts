/**
 * The studio's languages and how the first one is chosen: a remembered choice wins, else the
 * browser's preferred languages (any Chinese → Simplified Chinese, else English).
 */

/** A language the studio speaks. */
export type Locale = 'en' | 'zh-CN';

/** The studio's languages, English (the source language) first. */
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

/** Each language's name in itself: the options of Settings → Language, never translated. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = {
  en: 'English',
  'zh-CN': '简体中文',
};

const LOCALE_KEY = 'imagine-studio.locale';

/** Whether a value names one of the studio's languages. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The language for a browser's preference list: the first Chinese or English entry decides. */
export function localeForLanguages(languages: readonly string[]): Locale {
  for (const language of languages) {
    const primary = language.toLowerCase().split('-')[0];
    if (primary === 'zh') return 'zh-CN';
    if (primary === 'en') return 'en';
  }
  return 'en';
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The language chosen in Settings on this device, if any. */
export function rememberedLocale(): Locale | null {
  const value = storage()?.getItem(LOCALE_KEY);
  return isLocale(value) ? value : null;
}

/** Remember a chosen language on this device. */
export function rememberLocale(locale: Locale): void {
  try {
    storage()?.setItem(LOCALE_KEY, locale);
  } catch {
    // Storage full or blocked: the choice holds for this visit only.
  }
}

/** The language to start in: the remembered choice, else the browser's languages. */
export function initialLocale(): Locale {
  const languages =
    typeof navigator === 'undefined'
      ? []
      : navigator.languages?.length
        ? navigator.languages
        : [navigator.language];
  return rememberedLocale() ?? localeForLanguages(languages);
}
