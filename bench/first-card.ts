/**
 * Just the first-card figure of `npm run bench`, quicker: `npx vite build && npx tsx
 * bench/first-card.ts`. The built studio on its production server (the engine at a fast pace),
 * two prompts run to the end, then the scripts fetched before the first card, in each language,
 * counted as `npm run bench` counts them (`harness/initial-js.ts`).
 */
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../test-support/chromium';
import { benchComposer, benchFirstCard } from './harness/initial-js';
import { newBenchContext } from './harness/page-tools';
import { startPreview } from '../test-support/servers';

const PROMPTS = ['a lighthouse on a cliff at dusk --seed 11', 'a fox in fresh snow --seed 13'];

const server = await startPreview(20);
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
  const context = await newBenchContext(browser);
  const page = await context.newPage();
  const url = `${server.url}/`;
  await page.goto(url);
  const box = page.getByRole('textbox', { name: 'Prompt' });
  for (const prompt of PROMPTS) {
    await box.fill(prompt);
    await box.press('Enter');
  }
  for (const prompt of PROMPTS) {
    await page
      .getByRole('article', { name: prompt })
      .first()
      .getByRole('button', { name: 'U1', exact: true })
      .waitFor({ timeout: 60_000 });
  }
  const figures = await benchComposer(browser, url);
  Object.assign(figures, await benchFirstCard(page, url));
  for (const [name, f] of Object.entries(figures)) console.log(`${name}: ${f.value} ${f.unit}`);
} finally {
  await browser.close();
  await server.stop();
}
