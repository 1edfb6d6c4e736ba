/**
 * The studio's browser figures, in Chromium: initial JavaScript weight, live preview latency,
 * mask export and painting, and a 10,000-job history. Builds the app, serves it (`vite preview`
 * for the built app, Vite's dev server for the mask harness pages) and stops every server it
 * started, whatever happens.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../test-support/chromium';
import { round, type Figures } from './measure';
import { benchLines } from './harness/feed-lines';
import { benchHistory } from './harness/history-10k';
import { benchMaskExport, benchMaskPaint } from './harness/mask-bench';
import { newBenchContext } from './harness/page-tools';
import { ROOT, buildApp, progress, startDev, startPreview } from '../test-support/servers';

/** Strings only the Konva library itself contains (its warnings and its global hook). */
const KONVA_MARKERS = [/Konva warning: /, /Konva error: /, /Several Konva instances/];

/** The JS files the built index.html loads up front: the entry script and its modulepreloads. */
export function initialScripts(html: string): string[] {
  const files = new Set<string>();
  for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
    const src = /\bsrc="([^"]+\.js)"/.exec(tag)?.[1];
    if (src && /\btype="module"/.test(tag)) files.add(src);
  }
  for (const tag of html.match(/<link\b[^>]*>/g) ?? []) {
    const href = /\bhref="([^"]+\.js)"/.exec(tag)?.[1];
    if (href && /\brel="modulepreload"/.test(tag)) files.add(href);
  }
  return [...files];
}

/** Gzipped weight of the initial JS (kB = 1000 bytes, as Vite reports it); throws on Konva. */
function bundleFigures(): Figures {
  const html = readFileSync(`${ROOT}dist/index.html`, 'utf8');
  const scripts = initialScripts(html);
  if (scripts.length === 0) throw new Error('dist/index.html loads no module script');
  let bytes = 0;
  const withKonva: string[] = [];
  for (const src of scripts) {
    const code = readFileSync(`${ROOT}dist/${src.replace(/^\//, '')}`);
    bytes += gzipSync(code).length;
    const text = code.toString('utf8');
    if (KONVA_MARKERS.some((m) => m.test(text))) withKonva.push(src);
  }
  progress(`initial JS: ${scripts.join(', ')} = ${(bytes / 1000).toFixed(1)} kB gzip`);
  if (withKonva.length) {
    throw new Error(
      `Konva is in the initial JavaScript (${withKonva.join(', ')}); it must load lazily with the mask editor only.`,
    );
  }
  return {
    'ui.initial_js_gzip': {
      value: round(bytes / 1000),
      unit: 'KB',
      target: { op: '<=', value: 110 },
    },
    'ui.initial_has_konva': { value: 0, unit: 'bool', target: { op: '<=', value: 0 } },
  };
}

/** The built studio under `vite preview`: line → preview, then the 10k history. */
async function benchPreviewServer(browser: Browser): Promise<Figures> {
  // The engine's default pace, as a person meets it: a fast test pace would flatter the preview.
  progress('vite preview (the engine at its default pace)');
  const server = await startPreview();
  const context = await newBenchContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    const figures = await benchLines(page);
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
  const figures = bundleFigures();
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
