import { test as base, type Page } from '@playwright/test';
import { test, expect, imagine, card, configure, ADMIN } from './fixtures';
import { e2ePort } from './ports';
import { useThreeOrigins } from './three-origins-kit';

/**
 * Kept copies on a flaky network: a copy missed offline is kept when the network is back, at the
 * next start and from History; a picture that cannot show says why; an error is never kept as
 * a picture's copy.
 */

/** Imagines `prompt` and waits for its card to be finished (its actions are there). */
async function finished(page: Page, prompt: string) {
  await imagine(page, prompt);
  const job = card(page, prompt);
  await expect(job.getByRole('button', { name: 'U1', exact: true })).toBeVisible({
    timeout: 30_000,
  });
  return job;
}

/** Whether the picture `img` has decoded (its width, 0 when not). */
const decodedWidth = (img: import('@playwright/test').Locator) =>
  img.evaluate((el: HTMLImageElement) => (el.complete ? el.naturalWidth : 0));

test.describe('a copy that could not be kept is kept later', () => {
  test('a picture that arrived offline is kept when the network is back, also after a reload', async ({
    page,
    context,
  }) => {
    await page.goto('/');
    // The card's parts are loaded once, as anyone who has used the studio has them.
    await finished(page, 'a first picture --seed 1601');
    await page.request.post('/__engine/pace', { headers: ADMIN, data: { ms: 300 } });
    const prompt = 'a picture finished offline --seed 1602';
    await imagine(page, prompt);
    const job = card(page, prompt);
    await expect(job.locator('.pct')).toHaveText(/^[1-9]\d*%$/);
    // The network goes while the picture forms; its stream stays open and it finishes offline.
    await context.setOffline(true);
    await expect(job.getByText('Done', { exact: true })).toBeVisible();
    const kept = job.locator('.kept-copy');
    await expect(kept).toHaveText(
      'No copy yet: this browser is offline. It is kept when the network is back.',
    );

    await context.setOffline(false);
    await expect(kept).toHaveText('Kept: via the studio server');
    await expect.poll(() => decodedWidth(job.locator('img.final'))).toBeGreaterThan(0);
    await page.reload();
    await expect(card(page, prompt).locator('.kept-copy')).toHaveText(
      'Kept: via the studio server',
    );
  });

  test.describe('where the relay was out of reach', () => {
    // Without a worker the relay is the only means here, so cutting it leaves no copy at all.
    test.use({ serviceWorkers: 'block' });

    /** A finished job whose copy could not be kept: the relay refused every connection. */
    async function notKept(page: Page, prompt: string) {
      const relay = (url: URL) => url.pathname === '/relay';
      await page.route(relay, (route) => route.abort('connectionrefused'));
      await page.goto('/');
      const job = await finished(page, prompt);
      await expect(job.locator('.kept-copy')).toHaveText(
        'No copy yet: the picture could not be fetched. Tried again when the network is back, at the next start and from History, while the link lives.',
      );
      await page.unroute(relay);
      return job;
    }

    test('the next start keeps it', async ({ page }) => {
      const prompt = 'kept at the next start --seed 1603';
      await notKept(page, prompt);
      await page.reload();
      await expect(card(page, prompt).locator('.kept-copy')).toHaveText(
        'Kept: via the studio server',
      );
    });

    test('opening History keeps it', async ({ page }) => {
      const prompt = 'kept from History --seed 1604';
      const job = await notKept(page, prompt);
      await page.getByRole('button', { name: 'History', exact: true }).click();
      await expect(page.locator('.history img.history-image')).toHaveCount(1);
      await page.getByRole('button', { name: 'Studio', exact: true }).click();
      await expect(job.locator('.kept-copy')).toHaveText('Kept: via the studio server');
    });
  });
});

const TOKEN = 'copies-token-41c7';
const BASE = e2ePort(2);

base.describe('a picture host the studio does not trust', () => {
  base.describe.configure({ mode: 'serial', timeout: 120_000 });
  // The CDN is left out of PICTURE_ORIGINS: the page's policy and the relay both refuse it.
  const { studioPort, cdn } = useThreeOrigins({
    basePort: BASE,
    cors: 'off',
    relay: true,
    linkTtlSeconds: 600,
    token: TOKEN,
    pictureOrigins: () => '',
  });

  base('is named, with PICTURE_ORIGINS, instead of promising a retry', async ({ page }) => {
    await page.goto(`http://127.0.0.1:${studioPort}`);
    await configure(page, { target: 'AceData', token: TOKEN });
    const prompt = 'a picture from an untrusted host --seed 1605';
    const job = await finished(page, prompt);
    const host = new URL(cdn).host;
    await expect(job.getByRole('status')).toHaveText(
      `The picture host ${host} is not trusted by this studio, so the picture cannot be shown. Add ${cdn} to PICTURE_ORIGINS on the studio server.`,
    );
    await expect(job.locator('.kept-copy')).toHaveText(
      `No copy: the picture host ${host} is not trusted by this studio. Add ${cdn} to PICTURE_ORIGINS on the studio server.`,
    );
  });
});

base.describe('kept copies are checked', () => {
  base.describe.configure({ mode: 'serial', timeout: 120_000 });
  // No CORS and no relay: the offline cache's opaque copy is the only copy there can be.
  const { studioPort, cdn, apiPort } = useThreeOrigins({
    basePort: BASE,
    cors: 'off',
    relay: false,
    linkTtlSeconds: 600,
    token: TOKEN,
  });

  /**
   * The CDN answers 503 for final pictures while `state.failing`, and is cut while `down`; the
   * links the page fetched to keep a copy (with `fetch`, not an `<img>`) are in `state.kept`.
   */
  async function flakyCdn(page: Page, state: { failing: boolean; down: boolean; kept?: string[] }) {
    await page.context().route(
      (url) => url.href.startsWith(cdn),
      (route) => {
        if (state.down) return route.abort('connectionrefused');
        const request = route.request();
        if (request.resourceType() === 'fetch') (state.kept ??= []).push(request.url());
        const final = new URL(request.url()).pathname.endsWith('.png');
        return state.failing && final
          ? route.fulfill({ status: 503, contentType: 'text/plain', body: 'busy' })
          : route.continue();
      },
    );
    await page.goto(`http://127.0.0.1:${studioPort}`);
    await configure(page, { target: 'AceData', token: TOKEN });
    await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  }

  base(
    'a 503 from the picture host is never kept as the copy; it is kept once the host is back',
    async ({ page }) => {
      const state = { failing: true, down: false };
      await flakyCdn(page, state);
      const prompt = 'a picture behind a failing host --seed 1606';
      const job = await finished(page, prompt);
      await expect(job.locator('.kept-copy')).toHaveText(
        'No copy yet: the picture host answered with an error, not the picture. Tried again while the link lives.',
      );

      state.failing = false;
      await page.reload();
      await expect(card(page, prompt).locator('.kept-copy')).toHaveText(
        'Kept: by the offline cache',
      );
      // The copy is the picture: with the host gone and the browser's cache cleared, it shows.
      state.down = true;
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.clearBrowserCache');
      await page.reload();
      const img = card(page, prompt).locator('.job-image img');
      await expect.poll(() => decodedWidth(img)).toBeGreaterThan(0);
    },
  );

  base(
    'a kept copy that does not decode is removed and fetched again while the link lives',
    async ({ page }) => {
      const state = { failing: true, down: false };
      await flakyCdn(page, state);
      const prompt = 'a picture with a broken copy --seed 1607';
      const job = await finished(page, prompt);
      await expect(job.locator('.kept-copy')).toHaveText(/^No copy yet/);
      // The link exactly as the service gave it: the copy is kept under it.
      const tasks = await page.request.post(`http://127.0.0.1:${apiPort}/midjourney/tasks`, {
        headers: { authorization: `Bearer ${TOKEN}` },
        data: { action: 'retrieve_batch', limit: 100 },
      });
      const { items } = (await tasks.json()) as {
        items: { request?: { prompt?: string }; response?: { raw_image_url?: string } }[];
      };
      const raw = items.find((t) => t.request?.prompt === prompt)!.response!.raw_image_url!;
      // What an earlier version kept: the host's opaque 503 as the picture's copy.
      await page.evaluate(async (url) => {
        const error = await fetch(url, { mode: 'no-cors', credentials: 'omit' });
        await (await caches.open('imagine-pictures-v1')).put(url, error);
      }, raw);
      state.failing = false;
      await page.reload();
      const again = card(page, prompt);
      await again.getByRole('button', { name: 'Quadrant 1' }).dblclick();
      const full = page.getByRole('dialog', { name: 'Full size' }).getByRole('img');
      await expect.poll(() => decodedWidth(full), { timeout: 30_000 }).toBeGreaterThan(0);
      // The picture's own link, answered by the worker from the copy it keeps now (no blob here).
      await expect(full).toHaveAttribute('src', new RegExp(`^${cdn}/attachments/`));
      await page.keyboard.press('Escape');
      await expect(again.locator('.kept-copy')).toHaveText('Kept: by the offline cache');
    },
  );
});
