/**
 * The studio's browser figures, in Chromium: initial JavaScript weight, live preview latency,
 * importing a history and starting with it, mask export and painting, and a 10,000-job history.
 * Builds the app, serves it (the studio's production server for the built app, Vite's dev server
 * for the mask harness pages) and stops every server it started, whatever happens.
 */
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../test-support/chromium';
import type { Figures } from './measure';
import { benchLines, watchLineArrival } from './harness/feed-lines';
import { benchHistory } from './harness/history-10k';
import { benchImportPath } from './harness/import-path';
import { benchInitialJs } from './harness/initial-js';
import { benchMaskExport, benchMaskPaint } from './harness/mask-bench';
import { newBenchContext } from './harness/page-tools';
import { buildApp, progress, startDev, startPreview } from '../test-support/servers';

/**
 * The built studio on its production server: line → preview, the initial JavaScript, a history
 * exported, imported and started with, then the 10k history's own figures.
 */
async function benchPreviewServer(browser: Browser): Promise<Figures> {
  // The engine's default pace, as a person meets it: a fast test pace would flatter the preview.
  progress('the studio server (the engine at its default pace)');
  const server = await startPreview();
  const url = `${server.url}/`;
  const context = await newBenchContext(browser);
  await watchLineArrival(context);
  try {
    const page = await context.newPage();
    await page.goto(url);
    const figures = await benchLines(page);
    Object.assign(figures, await benchInitialJs(browser, url, page));
    Object.assign(figures, await benchImportPath(browser, page, url));
    Object.assign(figures, await benchHistory(page));
    return figures;
  } finally {
    await context.close();
    await server.stop();
  }
}

/** Source modules under Vite's dev server: the mask export and the painting harness. */
async function benchDevServer(browser: Browser): Promise<Figures> {
  progress('vite dev server');
  const server = await startDev();
  const context = await newBenchContext(browser);
  try {
    const figures = await benchMaskExport(context, server.url);
    Object.assign(figures, await benchMaskPaint(context, server.url));
    return figures;
  } finally {
    await context.close();
    await server.stop();
  }
}

/** Every browser figure of `npm run bench`. */
export async function benchBrowser(): Promise<Figures> {
  const started = Date.now();
  progress('vite build');
  buildApp();
  const figures: Figures = {};
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    Object.assign(figures, await benchPreviewServer(browser));
    // BENCH_ONLY=preview: the built app's figures (line → preview, history) without the mask pages.
    if (process.env.BENCH_ONLY !== 'preview') Object.assign(figures, await benchDevServer(browser));
  } finally {
    await browser.close();
  }
  progress(`browser bench took ${Math.round((Date.now() - started) / 1000)} s`);
  return figures;
}
