/** Browser-side plumbing shared by the browser benches: contexts and a frame recorder. */
import type { Browser, BrowserContext, Page } from '@playwright/test';

/** The size the studio is benched at (a common laptop viewport). */
export const VIEWPORT = { width: 1280, height: 800 };

/**
 * A fresh browser context (own storage and IndexedDB) at the bench viewport. tsx compiles this
 * bench with esbuild's keepNames, which wraps named functions in `__name(…)`; functions sent to
 * the page through `page.evaluate` keep those calls, so the page gets a no-op `__name`.
 */
export async function newBenchContext(
  browser: Browser,
  options: { locale?: string } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    locale: options.locale ?? 'en-US',
  });
  await context.addInitScript({ content: 'globalThis.__name = (target) => target;' });
  return context;
}

interface FrameRecorder {
  deltas: number[];
  stop: boolean;
}

/** Starts recording requestAnimationFrame intervals in the page. */
export async function startFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const recorder: FrameRecorder = { deltas: [], stop: false };
    (window as unknown as { benchFrames: FrameRecorder }).benchFrames = recorder;
    let last = 0;
    const tick = (t: number) => {
      if (last) recorder.deltas.push(t - last);
      last = t;
      if (!recorder.stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** Stops the recorder and returns the frame intervals (ms) it saw. */
export async function stopFrames(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const recorder = (window as unknown as { benchFrames: FrameRecorder }).benchFrames;
    recorder.stop = true;
    return recorder.deltas;
  });
}
