/**
 * `npm run screenshots`: PNGs of the studio's main states, at 1280×800 and at phone width, into
 * screenshots/. Serves the built app with the local engine and drives it as a person would.
 */
import { mkdirSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { ENGINE_ADMIN_HEADERS as ADMIN } from '../src/api/engine-admin';
import { CHROMIUM_ARGS, findChromium } from '../test-support/chromium';
import { startPreview } from '../test-support/servers';

const out = 'screenshots';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${out}/${name}.png` });
  console.log(`${out}/${name}.png`);
}

async function imagine(page: Page, prompt: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill(prompt);
  await page.getByRole('textbox', { name: 'Prompt', exact: true }).press('Enter');
}

mkdirSync(out, { recursive: true });
// The built app with the local engine, paced so the preview is caught mid-way.
const server = await startPreview(400);
const base = server.url;
try {
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(base);
  await shot(page, 'empty');

  await imagine(page, 'a lighthouse on a cliff at dusk, oil painting --ar 3:2 --seed 8');
  await page.locator('img.preview').first().waitFor();
  await page.waitForTimeout(900);
  await shot(page, 'generating');
  await page.getByRole('button', { name: 'U2', exact: true }).waitFor({ timeout: 30_000 });
  await page.request.post(`${base}/__engine/pace`, { headers: ADMIN, data: { ms: 40 } });
  await page.getByRole('button', { name: 'Quadrant 2' }).click();
  await shot(page, 'grid');

  await page.getByRole('button', { name: 'U2', exact: true }).click();
  await page.getByRole('button', { name: 'Zoom Out 2x' }).waitFor({ timeout: 30_000 });
  await page.waitForTimeout(400);
  await shot(page, 'upscaled');

  await page.getByRole('button', { name: 'Vary (Region)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Vary Region' });
  const canvas = dialog.getByRole('application', { name: 'Mask canvas' });
  await canvas.waitFor();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.45);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.55, { steps: 12 });
  await page.mouse.up();
  await shot(page, 'vary-region');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await page.request.post(`${base}/__engine/faults`, { headers: ADMIN, data: { status: 429 } });
  await imagine(page, 'a crowded market at noon --seed 9');
  await page.getByRole('alert').first().waitFor();
  await shot(page, 'error');

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('dialog', { name: 'Settings' }).waitFor();
  await shot(page, 'settings');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'History' }).click();
  await page.getByRole('region', { name: 'History' }).waitFor();
  await page.waitForTimeout(500);
  await shot(page, 'history');

  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await phone.goto(base);
  await phone.waitForTimeout(800);
  await shot(phone, 'phone');

  // The same studio for a Chinese browser: names, notes and dates in Simplified Chinese.
  const zh = await (
    await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } })
  ).newPage();
  await zh.goto(base);
  await zh.getByRole('textbox', { name: '提示词', exact: true }).fill('海边的灯塔，油画 --seed 12');
  await zh.getByRole('textbox', { name: '提示词', exact: true }).press('Enter');
  await zh.getByRole('button', { name: 'U1', exact: true }).first().waitFor({ timeout: 30_000 });
  await zh.getByRole('button', { name: 'U1', exact: true }).first().click();
  await zh.getByRole('button', { name: '缩小 2 倍' }).first().waitFor({ timeout: 30_000 });
  await zh.waitForTimeout(400);
  await shot(zh, 'zh-cn-studio');
  await zh.getByRole('button', { name: '历史' }).click();
  await zh.waitForTimeout(600);
  await shot(zh, 'zh-cn-history');
  await browser.close();
} finally {
  await server.stop();
}
