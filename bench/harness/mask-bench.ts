/**
 * The Vary Region editor in Chromium, on Vite's dev server: exporting a 2048² mask, and frame
 * intervals while painting over a region that already holds 500 strokes.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { median, percentile, round, type Figures } from '../measure';
import type { timeMaskExport } from './mask-export';
import { startFrames, stopFrames } from './page-tools';
import { progress } from '../../test-support/servers';

type ExportModule = { timeMaskExport: typeof timeMaskExport };

/** The editor's worker export of a 2048² mask, JPEG and PNG: 7 runs after 2 warm-ups each. */
export async function benchMaskExport(context: BrowserContext, devUrl: string): Promise<Figures> {
  const page = await context.newPage();
  try {
    await page.goto(`${devUrl}/bench/harness/mask-paint.html?strokes=0`);
    const run = (format: 'jpeg' | 'png') =>
      page.evaluate(
        async ({ path, format }) => {
          const m = (await import(/* @vite-ignore */ path)) as ExportModule;
          return m.timeMaskExport(format);
        },
        { path: '/bench/harness/mask-export.ts', format },
      );
    const jpeg = await run('jpeg');
    const png = await run('png');
    progress(
      `mask export: jpeg ${jpeg.times.map(Math.round).join(', ')} ms (${jpeg.base64Length} chars), ` +
        `png ${png.times.map(Math.round).join(', ')} ms (${png.base64Length} chars)`,
    );
    if (jpeg.base64Length < 1000 || png.base64Length < 1000)
      throw new Error('the mask export produced (almost) nothing');
    return {
      'mask.export_2048_median': {
        value: round(median(jpeg.times)),
        unit: 'ms',
        target: { op: '<=', value: 100 },
      },
      'mask.export_2048_png_median': {
        value: round(median(png.times)),
        unit: 'ms',
        target: { op: '<=', value: 100 },
      },
    };
  } finally {
    await page.close();
  }
}

/** Paints one long stroke for ~2 s over a 500-stroke region and records the frame intervals. */
export async function benchMaskPaint(context: BrowserContext, devUrl: string): Promise<Figures> {
  const page = await context.newPage();
  try {
    await page.goto(`${devUrl}/bench/harness/mask-paint.html?strokes=500`);
    await page.waitForFunction(() => (window as unknown as { benchReady?: boolean }).benchReady);
    const dialog = page.getByRole('dialog', { name: 'Vary Region' });
    await dialog.waitFor();
    // The picture is in, and Konva has its stage.
    await page.getByText('Loading image…').waitFor({ state: 'detached', timeout: 30_000 });
    const canvas = dialog.getByRole('application', { name: 'Mask canvas' });
    await canvas.locator('canvas').first().waitFor();
    const box = await canvas.boundingBox();
    if (!box) throw new Error('the mask canvas has no box');
    const shapesBefore = await shapeCount(page);

    // A zigzag over the middle of the image, pointer down all along.
    const left = box.x + box.width * 0.2;
    const right = box.x + box.width * 0.8;
    const top = box.y + box.height * 0.2;
    const bottom = box.y + box.height * 0.8;
    await page.mouse.move(left, top);
    await page.mouse.down();
    await startFrames(page);
    const until = Date.now() + 2_000;
    let y = top;
    let toRight = true;
    let moves = 0;
    while (Date.now() < until) {
      y = y + 24 > bottom ? top : y + 24;
      await page.mouse.move(toRight ? right : left, y, { steps: 24 });
      moves += 24;
      toRight = !toRight;
    }
    const frames = await stopFrames(page);
    await page.mouse.up();
    // The stroke was really painted: pointer-up committed it to the region.
    const deadline = Date.now() + 10_000;
    while ((await shapeCount(page)) <= shapesBefore) {
      if (Date.now() > deadline) throw new Error('the painted stroke was never committed');
      await page.waitForTimeout(50);
    }
    progress(
      `painted ${moves} pointer moves over ${frames.length} frames on ${shapesBefore} strokes`,
    );
    if (frames.length < 10) throw new Error(`only ${frames.length} frames while painting`);
    return {
      'mask.paint_frame_p95': {
        value: round(percentile(frames, 95)),
        unit: 'ms',
        target: { op: '<=', value: 20 },
      },
      'mask.paint_frame_median': { value: round(median(frames)), unit: 'ms' },
    };
  } finally {
    await page.close();
  }
}

/** Committed shapes of the bench image, read from the region store's sessionStorage copy. */
function shapeCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    const raw = sessionStorage.getItem('imagine-studio.mask-regions');
    if (!raw) return 0;
    const state = JSON.parse(raw) as {
      state: { byImageId: Record<string, { mask: { shapes: unknown[] } }> };
    };
    return state.state.byImageId['bench-mask-paint']?.mask.shapes.length ?? 0;
  });
}
