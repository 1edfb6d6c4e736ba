/**
 * Start on a person's own path: the history the feed bench made is exported through History's
 * "Export history", cloned to 100 and to 10,000 jobs, each imported through "Import history" into
 * a fresh profile (timed, with its progress bar seen), and then each profile's page is reloaded,
 * the two alternating after a warm-up, and timed from navigation to the first card painted.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { median, round, type Figures } from '../measure';
import { newBenchContext } from './page-tools';
import { progress } from '../../test-support/servers';

/** Jobs of the big history, and of the small one its start is compared with. */
export const BIG_HISTORY = 10_000;
export const SMALL_HISTORY = 100;

/** A history export as the studio writes it. */
interface ExportFile {
  format: string;
  version: number;
  exportedAt?: string;
  jobs: Record<string, unknown>[];
}

const WORDS = ['misty', 'golden', 'ancient', 'tiny', 'electric', 'quiet', 'stormy', 'glass'];

/**
 * `total` jobs cloned from the export's finished ones as a script copying them would: each with
 * its own ids and prompt, and its original's times (so many jobs share a moment, which a start
 * must cope with: it once read every job of that moment before the first card).
 */
export function cloneHistory(file: ExportFile, total: number): ExportFile {
  const templates = file.jobs.filter(
    (j) => j.status === 'done' && (j.result as { image_url?: string } | undefined)?.image_url,
  );
  if (templates.length === 0) throw new Error('the export holds no finished job to clone');
  const jobs = [...file.jobs];
  for (let i = jobs.length; i < total; i++) {
    const t = templates[i % templates.length]!;
    const request = t.request as { prompt?: string };
    const id = `clone-${i}-${String(t.id)}`;
    jobs.push({
      ...t,
      id,
      traceId: `trace-${id}`,
      taskId: `task-${id}`,
      request: { ...request, prompt: `${WORDS[i % WORDS.length]} ${request.prompt ?? ''} #${i}` },
      result: { ...(t.result as object), task_id: `task-${id}`, image_id: `image-${id}` },
    });
  }
  return { ...file, jobs: jobs.slice(0, total) };
}

/** Exports the history of `page` (the studio open) through History's button; its JSON. */
export async function exportThroughUi(page: Page): Promise<ExportFile> {
  await page.getByRole('button', { name: 'History', exact: true }).click();
  const history = page.getByRole('region', { name: 'History' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    history.getByRole('button', { name: 'Export history' }).click(),
  ]);
  const file = JSON.parse(readFileSync(await download.path(), 'utf8')) as ExportFile;
  await page.getByRole('button', { name: 'Studio', exact: true }).click();
  return file;
}

/** Records, from the very start of each load, when the first job card has been painted. */
async function watchFirstCard(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { benchFirstCard?: number };
    const observer = new MutationObserver(() => {
      if (!document.querySelector('article')) return;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => (w.benchFirstCard = performance.now()), 0));
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}

/** A profile with an imported history. */
interface Profile {
  jobs: number;
  context: BrowserContext;
  page: Page;
  importMs: number;
  sawProgress: boolean;
}

/**
 * A fresh profile: the studio opened, History → Import history with `file`; the import is timed
 * from choosing the file to its report, and whether its progress bar showed is noted.
 */
async function importInto(browser: Browser, url: string, file: ExportFile): Promise<Profile> {
  const context = await newBenchContext(browser);
  await watchFirstCard(context);
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: 'History', exact: true }).click();
  const history = page.getByRole('region', { name: 'History' });
  const jobs = file.jobs.length;
  // A file on disk, as a person picks one: handing Playwright the bytes instead would copy
  // them through the DevTools protocol inside the timed part.
  const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));
  const path = join(dir, `history-${jobs}.json`);
  writeFileSync(path, JSON.stringify(file));
  const bar = history.getByRole('progressbar', { name: 'Importing history' });
  const started = Date.now();
  await page.locator('input[type=file]').setInputFiles(path);
  const sawBar = bar
    .waitFor({ state: 'visible', timeout: 60_000 })
    .then(() => true)
    .catch(() => false);
  await history.getByText(`${jobs.toLocaleString('en-US')} added`).waitFor({ timeout: 120_000 });
  const importMs = Date.now() - started;
  rmSync(dir, { recursive: true, force: true });
  const sawProgress = await Promise.race([
    sawBar,
    new Promise<boolean>((r) => setTimeout(() => r(false), 100)),
  ]);
  progress(
    `imported ${jobs} jobs in ${importMs} ms (progress bar ${sawProgress ? 'shown' : 'not seen'})`,
  );
  await page.getByRole('button', { name: 'Studio', exact: true }).click();
  return { jobs, context, page, importMs, sawProgress };
}

/**
 * Opens the studio again in the profile's page; the ms from navigation to the first card
 * painted. The page is left on about:blank after, so what one start does once the first card is
 * up (reading the rest of the history) does not run on into the other profile's measurement.
 */
async function timeReload(profile: Profile, url: string): Promise<number> {
  await profile.page.bringToFront();
  await profile.page.goto(url);
  await profile.page.waitForFunction(
    () => (window as unknown as { benchFirstCard?: number }).benchFirstCard !== undefined,
    undefined,
    { timeout: 60_000, polling: 50 },
  );
  const ms = await profile.page.evaluate(
    () => (window as unknown as { benchFirstCard: number }).benchFirstCard,
  );
  await profile.page.goto('about:blank');
  return ms;
}

/** Rounds of reloads after the warm-up, alternating the two profiles. */
const ROUNDS = 5;

/**
 * The import-path figures: `source` is a page of the studio that holds real finished jobs (the
 * feed bench's), `url` the studio's address.
 */
export async function benchImportPath(
  browser: Browser,
  source: Page,
  url: string,
): Promise<Figures> {
  const exported = await exportThroughUi(source);
  progress(`exported ${exported.jobs.length} jobs through History`);
  const small = await importInto(browser, url, cloneHistory(exported, SMALL_HISTORY));
  const big = await importInto(browser, url, cloneHistory(exported, BIG_HISTORY));
  try {
    // Warm-up: one unmeasured reload of each.
    await timeReload(small, url);
    await timeReload(big, url);
    const times = { small: [] as number[], big: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      // Alternating which goes first, so neither always follows the other.
      const order = round % 2 ? [big, small] : [small, big];
      for (const profile of order) {
        const ms = await timeReload(profile, url);
        (profile === small ? times.small : times.big).push(ms);
      }
    }
    progress(
      `start after import, ${SMALL_HISTORY} jobs: ${times.small.map(Math.round).join(', ')} ms; ` +
        `${BIG_HISTORY}: ${times.big.map(Math.round).join(', ')} ms`,
    );
    const smallMs = median(times.small);
    const bigMs = median(times.big);
    return {
      'history.import_10k': { value: big.importMs, unit: 'ms', target: { op: '<=', value: 5000 } },
      'history.import_progress_shown': {
        value: big.sawProgress ? 1 : 0,
        unit: 'bool',
        target: { op: '>=', value: 1 },
      },
      'history.app_start_100': { value: round(smallMs), unit: 'ms' },
      'history.app_start_10k': {
        value: round(bigMs),
        unit: 'ms',
        target: { op: '<=', value: 300 },
      },
      'history.app_start_10k_vs_100': {
        value: round(bigMs / smallMs),
        unit: 'x',
        target: { op: '<=', value: 1.3 },
      },
    };
  } finally {
    await small.context.close();
    await big.context.close();
  }
}
