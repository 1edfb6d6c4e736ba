/**
 * Initial JavaScript as a browser meets it: every script a fresh profile has fetched by the time
 * the studio first shows something (the composer), in each language, gzipped; and every script
 * fetched before the first card shows in a profile with a history. Counted from the page's own
 * Resource Timing (a script counts when its response ended before that moment), weighed from the
 * built files, gzipped here (kB = 1000 bytes, as Vite reports it).
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { round, type Figures } from '../measure';
import { newBenchContext } from './page-tools';
import { ROOT, progress } from '../../test-support/servers';

/** Strings only the Konva library itself contains (its warnings and its global hook). */
const KONVA_MARKERS = [/Konva warning: /, /Konva error: /, /Several Konva instances/];

/** Records, from the very start of each load, when the composer and the first card showed. */
async function watchFirstShow(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { benchShown?: { composer?: number; card?: number } };
    const shown: { composer?: number; card?: number } = (w.benchShown = {});
    const observer = new MutationObserver(() => {
      // The moment the element is in the DOM: the scripts it waited for have all arrived.
      shown.composer ??= document.querySelector('.composer textarea')
        ? performance.now()
        : undefined;
      shown.card ??= document.querySelector('article') ? performance.now() : undefined;
      if (shown.composer !== undefined && shown.card !== undefined) observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}

/** A script the page fetched, and when its response ended (page clock). */
interface Fetched {
  path: string;
  end: number;
}

/** The scripts the page has fetched so far, from Resource Timing. */
function scriptsFetched(page: Page): Promise<Fetched[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => new URL(e.name).pathname.endsWith('.js'))
      .map((e) => ({
        path: new URL(e.name).pathname,
        end: (e as PerformanceResourceTiming).responseEnd,
      })),
  );
}

/** Gzipped bytes of built files (by URL path); throws when one holds Konva. */
function weigh(paths: string[]): number {
  let bytes = 0;
  for (const path of paths) {
    const code = readFileSync(`${ROOT}dist${path}`);
    if (KONVA_MARKERS.some((m) => m.test(code.toString('utf8')))) {
      throw new Error(
        `Konva is in the initial JavaScript (${path}); it must load with the mask editor only.`,
      );
    }
    bytes += gzipSync(code).length;
  }
  return bytes;
}

/** What a load fetched before `moment` showed. */
async function fetchedBefore(page: Page, moment: 'composer' | 'card'): Promise<string[]> {
  const at = await page
    .waitForFunction(
      (m) =>
        (window as unknown as { benchShown: Record<string, number | undefined> }).benchShown[m],
      moment,
      { timeout: 60_000, polling: 50 },
    )
    .then((h) => h.jsonValue() as Promise<number>);
  // Let Resource Timing record responses that ended just before it.
  await page.waitForTimeout(200);
  const scripts = await scriptsFetched(page);
  return [...new Set(scripts.filter((s) => s.end <= at).map((s) => s.path))];
}

/** Languages measured, as the browser announces them. */
const LANGUAGES = [
  { name: 'en', locale: 'en-US' },
  { name: 'zh', locale: 'zh-CN' },
];

/**
 * The initial JavaScript figures. `withHistory` is a page of the studio that holds finished jobs
 * (its profile is reused for the first-card figure).
 */
export async function benchInitialJs(
  browser: Browser,
  url: string,
  withHistory: Page,
): Promise<Figures> {
  const figures = await benchComposer(browser, url);
  Object.assign(figures, await benchFirstCard(withHistory, url));
  return figures;
}

/** Every script a fresh profile fetched before the composer showed, in each language. */
export async function benchComposer(browser: Browser, url: string): Promise<Figures> {
  const figures: Figures = {};
  for (const { name, locale } of LANGUAGES) {
    const context = await newBenchContext(browser, { locale });
    await watchFirstShow(context);
    try {
      const page = await context.newPage();
      await page.goto(url);
      const files = await fetchedBefore(page, 'composer');
      const kb = weigh(files) / 1000;
      progress(
        `initial JS (${name}, before the composer): ${files.length} files, ${kb.toFixed(1)} kB gzip: ${files.join(' ')}`,
      );
      figures[`ui.initial_js_gzip_${name}`] = {
        value: round(kb),
        unit: 'KB',
        target: { op: '<=', value: 110 },
      };
    } finally {
      await context.close();
    }
  }
  return figures;
}

/** Where the studio remembers the language chosen in Settings (`src/i18n/locales.ts`). */
const LOCALE_KEY = 'imagine-studio.locale';

/**
 * Every script fetched before the first card of a profile with a history (`withHistory`, a page
 * of the studio holding finished jobs), in each language: the studio started in that language as
 * if chosen in Settings, so both starts read the same history. The profile is left in English.
 */
export async function benchFirstCard(withHistory: Page, url: string): Promise<Figures> {
  const figures: Figures = {};
  await watchFirstShow(withHistory.context());
  for (const { name, locale } of LANGUAGES) {
    await withHistory.evaluate(
      ([key, value]) => localStorage.setItem(key!, value!),
      [LOCALE_KEY, locale === 'zh-CN' ? 'zh-CN' : 'en'],
    );
    await withHistory.goto(url);
    const files = await fetchedBefore(withHistory, 'card');
    const kb = weigh(files) / 1000;
    progress(
      `JS before the first card (with a history, ${name}): ${files.length} files, ${kb.toFixed(1)} kB gzip: ${files.join(' ')}`,
    );
    figures[`ui.js_before_first_card_gzip_${name}`] = {
      value: round(kb),
      unit: 'KB',
      target: { op: '<=', value: 110 },
    };
  }
  // Back to English, and reloaded so: the figures after this one drive the page by its English
  // names (History, Export history).
  await withHistory.evaluate((key) => localStorage.removeItem(key), LOCALE_KEY);
  await withHistory.goto(url);
  await withHistory.getByRole('textbox', { name: 'Prompt', exact: true }).waitFor();
  return figures;
}
