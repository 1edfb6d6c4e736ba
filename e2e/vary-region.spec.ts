import sharp from 'sharp';
import type { Locator, Page } from '@playwright/test';
import { test, expect, imagine, card, expectAccessible, openAdvanced } from './fixtures';

interface TaskItem {
  request?: { action?: string; image_id?: string; mask?: string; prompt?: string };
  response?: {
    image_id?: string;
    raw_image_url?: string;
    raw_image_width?: number;
    raw_image_height?: number;
  };
}

/** Where to press on the canvas to hit image pixel (x, y) at fit zoom (the editor's own layout). */
async function pointer(canvas: Locator, w: number, h: number) {
  const b = (await canvas.boundingBox())!;
  const s = Math.min((b.width - 24) / w, (b.height - 24) / h);
  const ox = (b.width - w * s) / 2;
  const oy = (b.height - h * s) / 2;
  return (x: number, y: number) => ({ x: b.x + ox + (x + 0.5) * s, y: b.y + oy + (y + 0.5) * s });
}

async function drag(
  page: Page,
  at: (x: number, y: number) => { x: number; y: number },
  points: [number, number][],
) {
  const [first, ...rest] = points;
  await page.mouse.move(at(...first!).x, at(...first!).y);
  await page.mouse.down();
  for (const p of rest) await page.mouse.move(at(...p).x, at(...p).y, { steps: 6 });
  await page.mouse.up();
}

async function rgb(url: string) {
  const res = await fetch(url);
  const { data, info } = await sharp(Buffer.from(await res.arrayBuffer()))
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

test('Vary Region on a 16:9 upscale: the mask sent is the image size, white where painted, and the grid keeps the rest', async ({
  page,
  baseURL,
}) => {
  await page.goto('/');
  await imagine(page, 'a wide valley at noon --ar 16:9 --seed 61');
  const grid = card(page, 'a wide valley at noon --ar 16:9 --seed 61');
  await grid.getByRole('button', { name: 'U1', exact: true }).click();
  const upscaled = page.getByRole('article').filter({ hasText: 'U1 of' }).first();
  await upscaled.getByRole('button', { name: 'Vary (Region)' }).click();

  const dialog = page.getByRole('dialog', { name: 'Vary Region' });
  await expect(dialog).toBeVisible();
  const submit = dialog.getByRole('button', { name: 'Submit region' });
  await expect(submit).toBeDisabled();
  await expect(dialog).toContainText('the region is empty');
  await expect(dialog.getByRole('textbox', { name: 'Region prompt' })).toHaveValue(
    'a wide valley at noon --ar 16:9 --seed 61',
  );
  await expectAccessible(page, 'vary region');

  const W = 1456;
  const H = 816;
  const canvas = dialog.getByRole('application', { name: 'Mask canvas' });
  await expect(canvas).toBeVisible();
  const at = await pointer(canvas, W, H);

  // Brush stroke, 60 px wide, along y = 200.
  await dialog.getByRole('button', { name: 'Brush' }).click();
  await dialog.getByRole('slider', { name: 'Brush size' }).fill('60');
  await drag(page, at, [
    [200, 200],
    [350, 200],
    [500, 200],
  ]);
  // Rectangle from (800, 100) to (1100, 400).
  await dialog.getByRole('button', { name: 'Rectangle' }).click();
  await drag(page, at, [
    [800, 100],
    [1100, 400],
  ]);
  // Lasso: a triangle.
  await dialog.getByRole('button', { name: 'Lasso' }).click();
  await drag(page, at, [
    [300, 480],
    [450, 480],
    [600, 480],
    [525, 615],
    [450, 750],
    [375, 615],
    [300, 480],
  ]);
  // Erase a 40 px column through the rectangle.
  await dialog.getByRole('button', { name: 'Eraser' }).click();
  await dialog.getByRole('slider', { name: 'Brush size' }).fill('40');
  await drag(page, at, [
    [950, 60],
    [950, 250],
    [950, 440],
  ]);

  await expect(submit).toBeEnabled();
  await submit.click();
  await expect(dialog).toBeHidden();
  const region = page.getByRole('article').filter({ hasText: 'Vary (Region) of' }).first();
  await expect(region.getByRole('button', { name: 'U1', exact: true })).toBeVisible({
    timeout: 30_000,
  });

  // What the engine received, from its own task record.
  const batch = (await (
    await page.request.post('/midjourney/tasks', {
      headers: { authorization: 'Bearer inspector' },
      data: { action: 'retrieve_batch', limit: 20 },
    })
  ).json()) as { items: TaskItem[] };
  const sent = batch.items.find((t) => t.request?.action === 'variation_region')!;
  const source = batch.items.find((t) => t.response?.image_id === sent.request!.image_id)!;
  expect(sent.request!.mask).toMatch(/^\/9j\//); // JPEG, base64, no data: prefix
  const maskBytes = Buffer.from(sent.request!.mask!, 'base64');
  const mask = await sharp(maskBytes).greyscale().raw().toBuffer({ resolveWithObject: true });
  expect([mask.info.width, mask.info.height]).toEqual([W, H]);
  expect([source.response!.raw_image_width, source.response!.raw_image_height]).toEqual([W, H]);

  const m = (x: number, y: number) => mask.data[y * W + x]!;
  const white = [
    [350, 200],
    [220, 200],
    [480, 215],
    [900, 250],
    [1050, 150],
    [1080, 380],
    [450, 600],
    [420, 520],
  ];
  const black = [
    [350, 260],
    [100, 700],
    [300, 700],
    [950, 250],
    [950, 120],
    [1200, 250],
    [700, 600],
    [20, 20],
  ];
  for (const [x, y] of white)
    expect(m(x!, y!), `mask at ${x},${y} should be white`).toBeGreaterThan(200);
  for (const [x, y] of black)
    expect(m(x!, y!), `mask at ${x},${y} should be black`).toBeLessThan(55);

  // The new grid: every quadrant equals the source wherever the mask is surely black.
  const src = await rgb(source.response!.raw_image_url!.replace(/^https?:\/\/[^/]+/, baseURL!));
  const out = await rgb(
    batch.items.find((t) => t.request === sent.request)!.response!.raw_image_url!,
  );
  expect([out.width, out.height]).toEqual([2 * W, 2 * H]);
  for (const [qx, qy] of [
    [0, 0],
    [W, 0],
    [0, H],
    [W, H],
  ] as const) {
    let kept = 0;
    let keptChanged = 0;
    let white = 0;
    let whiteChanged = 0;
    for (let y = 0; y < H; y += 2)
      for (let x = 0; x < W; x += 2) {
        const si = (y * W + x) * 3;
        const oi = ((y + qy) * 2 * W + x + qx) * 3;
        const same =
          src.data[si] === out.data[oi] &&
          src.data[si + 1] === out.data[oi + 1] &&
          src.data[si + 2] === out.data[oi + 2];
        if (m(x, y) < 30) {
          kept++;
          if (!same) keptChanged++;
        } else if (m(x, y) > 225) {
          white++;
          if (!same) whiteChanged++;
        }
      }
    expect(kept).toBeGreaterThan(100_000);
    expect(keptChanged, `quadrant at ${qx},${qy}: kept pixels that changed`).toBe(0);
    expect(whiteChanged / white).toBeGreaterThan(0.5);
  }

  // Reopening on the same image brings the region back.
  await upscaled.getByRole('button', { name: 'Vary (Region)' }).click();
  await expect(dialog.getByRole('button', { name: 'Submit region' })).toBeEnabled();
  await dialog.getByRole('button', { name: 'Close' }).click();
});

test('zoomed in on a 9:16 upscale, a PNG mask is exact: a rectangle lands on the very pixels', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await openAdvanced(settings);
  await settings.getByLabel('Mask format').selectOption('png');
  await settings.getByRole('button', { name: 'Close' }).click();

  await imagine(page, 'a tall waterfall --ar 9:16 --seed 62');
  await card(page, 'a tall waterfall --ar 9:16 --seed 62')
    .getByRole('button', { name: 'U4', exact: true })
    .click();
  const upscaled = page.getByRole('article').filter({ hasText: 'U4 of' }).first();
  await upscaled.getByRole('button', { name: 'Vary (Region)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Vary Region' });
  const canvas = dialog.getByRole('application', { name: 'Mask canvas' });
  await expect(canvas).toBeVisible();

  const W = 816;
  const H = 1456;
  const b = (await canvas.boundingBox())!;
  const fit = Math.min((b.width - 24) / W, (b.height - 24) / H);
  // Two steps of "Zoom in" (×1.25 each) about the canvas centre.
  await dialog.getByRole('button', { name: 'Zoom in' }).click();
  await dialog.getByRole('button', { name: 'Zoom in' }).click();
  const s = fit * 1.25 * 1.25;
  const at = (x: number, y: number) => ({
    x: b.x + b.width / 2 + (x - W / 2) * s,
    y: b.y + b.height / 2 + (y - H / 2) * s,
  });
  await dialog.getByRole('button', { name: 'Rectangle' }).click();
  const from = at(300, 600);
  const to = at(500, 900);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
  await dialog.getByRole('button', { name: 'Submit region' }).click();
  await expect(
    page
      .getByRole('article')
      .filter({ hasText: 'Vary (Region) of' })
      .first()
      .getByRole('button', { name: 'U1', exact: true }),
  ).toBeVisible({ timeout: 30_000 });

  const { items } = (await (
    await page.request.post('/midjourney/tasks', {
      headers: { authorization: 'Bearer inspector' },
      data: { action: 'retrieve_batch', limit: 10 },
    })
  ).json()) as { items: TaskItem[] };
  const mask64 = items.find((t) => t.request?.action === 'variation_region')!.request!.mask!;
  expect(mask64).toMatch(/^iVBORw0KGgo/); // PNG, no data: prefix
  const mask = await sharp(Buffer.from(mask64, 'base64'))
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  expect([mask.info.width, mask.info.height]).toEqual([W, H]);
  // Binary, and white exactly on the rectangle (a pixel of slack for sub-pixel pointer positions).
  let off = 0;
  let grey = 0;
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const v = mask.data[y * W + x]!;
      if (v !== 0 && v !== 255) grey++;
      const inside = x >= 301 && x < 499 && y >= 601 && y < 899;
      const outside = x < 299 || x >= 501 || y < 599 || y >= 901;
      if ((inside && v !== 255) || (outside && v !== 0)) off++;
    }
  expect(grey, 'pixels neither black nor white').toBe(0);
  expect(off, 'pixels off the rectangle').toBe(0);
});
