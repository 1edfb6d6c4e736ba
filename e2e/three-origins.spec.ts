import { readFile } from 'node:fs/promises';
import { test as base, expect, type Page } from '@playwright/test';
import { card, configure, imagine } from './fixtures';
import { e2ePort } from './ports';
import { useThreeOrigins } from './three-origins-kit';

/**
 * Production's three origins: the studio (its production server), the API (a standalone engine
 * the studio's AceData target points at through ACEDATA_BASE_URL) and the CDN (that engine's CDN
 * port), with links that expire after 4 s. Run with the CDN's CORS on, off, and off with no relay
 * (where only the service worker's copy can carry the pictures).
 */
const BASE = e2ePort(2);
const TOKEN = 'three-origins-token-5d1e';
const LINK_TTL_S = 4;

interface Mode {
  name: string;
  cors: 'on' | 'off';
  relay: boolean;
  kept: string;
  /** What History's kept-copies summary must say (line, then details). */
  summary: RegExp;
}

const MODES: Mode[] = [
  {
    name: 'CDN CORS on',
    cors: 'on',
    relay: true,
    kept: 'Kept: in this browser',
    // Only the final pictures: no preview frame, no opaque duplicate in the offline cache.
    summary:
      /^Kept copies: 2 pictures \([\d.]+ [KM]B\)\n.*: 2 read directly from the picture host\./,
  },
  {
    name: 'CDN CORS off',
    cors: 'off',
    relay: true,
    kept: 'Kept: via the studio server',
    summary: /^Kept copies: 2 pictures \([\d.]+ [KM]B\)\n.*: 2 through the studio server\./,
  },
  {
    name: 'CDN CORS off, RELAY=off',
    cors: 'off',
    relay: false,
    kept: 'Kept: by the offline cache',
    // No readable copy at all: only opaque ones, counted but not weighed.
    summary:
      /^Kept copies: 2 in offline cache\n(?!.*Pictures in this browser).*Offline cache: 2 pictures, .*cannot be downloaded/s,
  },
];

/** Every picture on the page has decoded (naturalWidth > 0); how many there are. */
async function shownPictures(page: Page, selector: string): Promise<string> {
  return page.evaluate((sel) => {
    const imgs = [...document.querySelectorAll<HTMLImageElement>(sel)];
    const broken = imgs.filter((i) => !i.complete || i.naturalWidth === 0);
    return `${imgs.length} pictures, ${broken.length} not shown`;
  }, selector);
}

for (const mode of MODES) {
  base.describe(`three origins, ${mode.name}`, () => {
    base.describe.configure({ mode: 'serial', timeout: 120_000 });
    const { studioPort, cdn } = useThreeOrigins({
      basePort: BASE,
      cors: mode.cors,
      relay: mode.relay,
      linkTtlSeconds: LINK_TTL_S,
      token: TOKEN,
    });

    base(
      'generate, upscale, Vary Region; after the links expire, a reload and a cleared cache, every picture shows, Download gives the bytes (or says why not), the editor opens',
      async ({ page, context }) => {
        const studio = `http://127.0.0.1:${studioPort}`;
        // The CDN's pictures as served while their links live: the bytes Download must give back.
        const bodies = new Map<string, Buffer>();
        const fetched: Promise<unknown>[] = [];
        page.on('request', (req) => {
          // A picture the page asked the CDN for, or the relay for (the relay fetches server-side).
          const asked = new URL(req.url());
          const url =
            asked.pathname === '/relay' ? (asked.searchParams.get('url') ?? '') : req.url();
          if (!url.startsWith(cdn) || bodies.has(url)) return;
          bodies.set(url, Buffer.alloc(0));
          fetched.push(
            fetch(url).then(async (res) => {
              if (res.ok) bodies.set(url, Buffer.from(await res.arrayBuffer()));
            }),
          );
        });
        await page.goto(studio);
        await configure(page, { target: 'AceData', token: TOKEN });
        const prompt = `a lighthouse on three origins --seed ${mode.cors === 'on' ? 3 : mode.relay ? 4 : 5}`;
        await imagine(page, prompt);
        const grid = card(page, prompt);
        await grid.getByRole('button', { name: 'U1', exact: true }).click();
        const upscaled = page.getByRole('article').filter({ hasText: 'U1 of' }).first();
        await expect(upscaled.getByRole('button', { name: 'Vary (Region)' })).toBeVisible({
          timeout: 30_000,
        });
        // Each card says which copy it holds.
        await expect(grid.locator('.kept-copy')).toHaveText(mode.kept);
        await expect(upscaled.locator('.kept-copy')).toHaveText(mode.kept);
        await upscaled.getByRole('button', { name: 'Vary (Region)' }).click();
        const editor = page.getByRole('dialog', { name: 'Vary Region' });
        await expect(editor.getByRole('application', { name: 'Mask canvas' })).toBeVisible();
        await expect(editor.locator('.mask-editor__notice')).toHaveCount(0);
        await page.keyboard.press('Escape');
        await expect(editor).toBeHidden();

        // The links expire: the CDN answers 404 for every picture it served.
        await Promise.all(fetched);
        const served = [...bodies.keys()];
        expect(served.length).toBeGreaterThan(0);
        await expect
          .poll(async () => (await fetch(served[0]!)).status, { timeout: 20_000 })
          .toBe(404);

        await page.reload();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.clearBrowserCache');
        await page.reload();

        for (const view of [page, await context.newPage()]) {
          if (view !== page) await view.goto(studio);
          const feed = view.locator('.job-card .job-image img');
          await expect(feed).toHaveCount(2);
          await expect
            .poll(() => shownPictures(view, '.job-card .job-image img'))
            .toBe('2 pictures, 0 not shown');
          // Each card still says which copy it holds, in this tab after a reload and in a new one.
          await expect(view.locator('.job-card .kept-copy')).toHaveText([mode.kept, mode.kept]);
          await view.getByRole('button', { name: 'History', exact: true }).click();
          // History counts every kind of kept copy, and says which.
          const summary = view.getByRole('group').filter({ hasText: 'Kept copies:' });
          await summary.getByText(/^Kept copies:/).click();
          await expect.poll(async () => (await summary.innerText()).trim()).toMatch(mode.summary);
          const tiles = view.locator('.history img.history-image');
          await expect(tiles).toHaveCount(2);
          await expect
            .poll(() => shownPictures(view, '.history img.history-image'))
            .toBe('2 pictures, 0 not shown');
          await view.getByRole('button', { name: 'Studio', exact: true }).click();
        }

        // The lightbox shows the full picture from the kept copy.
        const after = page.getByRole('article').filter({ hasText: 'U1 of' }).first();
        await after.getByRole('button', { name: 'Open full size' }).first().click();
        const lightbox = page.getByRole('dialog', { name: 'Full size' });
        await expect
          .poll(() =>
            lightbox.getByRole('img').evaluate((img: HTMLImageElement) => img.naturalWidth),
          )
          .toBe(1024);
        await page.keyboard.press('Escape');
        await expect(lightbox).toBeHidden();

        // Download from the kept copy, or the exact reason why none can be read.
        if (mode.relay) {
          const [download] = await Promise.all([
            page.waitForEvent('download'),
            after.getByRole('button', { name: 'Download' }).click(),
          ]);
          const bytes = await readFile((await download.path())!);
          expect(bytes.length).toBeGreaterThan(0);
          expect([...bodies.values()].some((b) => b.equals(bytes))).toBe(true);
        } else {
          await after.getByRole('button', { name: 'Download' }).click();
          await expect(after.getByRole('alert')).toHaveText(
            /^Download is not possible here: the picture host allows no cross-origin reads and this host has no relay/,
          );
        }

        // The editor opens on the picture after expiry, without a tainted-canvas error.
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await after.getByRole('button', { name: 'Vary (Region)' }).click();
        await expect(editor.getByRole('application', { name: 'Mask canvas' })).toBeVisible();
        await expect(editor.locator('.mask-editor__notice')).toHaveCount(0);
        expect(errors.filter((m) => /taint/i.test(m))).toEqual([]);
      },
    );
  });
}
