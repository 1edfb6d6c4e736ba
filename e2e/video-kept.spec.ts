import { readFile } from 'node:fs/promises';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { card, configure, imagine } from './fixtures';
import { e2ePort } from './ports';
import { useThreeOrigins } from './three-origins-kit';

/**
 * Clips across the three origins, as pictures are in three-origins.spec.ts: the studio on its
 * production server, the API a standalone engine, its CDN sending no CORS, links that expire.
 * With the relay, the clips are kept readable and play after the links expired and a reload;
 * without it (a static host), no copy can be kept, and the card says exactly that.
 */
const BASE = e2ePort(5);
const TOKEN = 'video-kept-token-81c2';
// Long enough for the upscale's link to be read by the engine when Animate is sent.
const LINK_TTL_S = 15;
const NEVER =
  'the clip host allows no cross-origin reads and this host has no relay, so no copy of the clip can be kept on this device; it plays only while its link lasts';

/** Whether a clip's metadata loads (its duration), or the error it fails with. */
function loads(clip: Locator): Promise<string> {
  return clip.evaluate(
    (v: HTMLVideoElement) =>
      new Promise<string>((resolve) => {
        if (v.readyState >= 1) return resolve(`loaded ${v.duration > 0}`);
        v.addEventListener('loadedmetadata', () => resolve(`loaded ${v.duration > 0}`), {
          once: true,
        });
        v.addEventListener('error', () => resolve('error'), { once: true });
      }),
  );
}

async function animate(page: Page, prompt: string): Promise<{ article: Locator; clips: string[] }> {
  await imagine(page, prompt);
  await card(page, prompt).getByRole('button', { name: 'U1', exact: true }).click();
  const upscaled = page.getByRole('article').filter({ hasText: 'U1 of' }).first();
  await upscaled.getByRole('button', { name: 'Animate' }).click({ timeout: 60_000 });
  const dialog = page.getByRole('dialog', { name: 'Animate' });
  await dialog.getByLabel('Resolution').selectOption('480p');
  const answer = page.waitForResponse(
    (r) => r.url().endsWith('/midjourney/videos') && r.request().method() === 'POST',
    { timeout: 120_000 },
  );
  await dialog.getByRole('button', { name: 'Animate' }).click();
  const body = (await (await answer).json()) as { video_urls: string[] };
  const article = page.getByRole('article').filter({ hasText: 'Animate of' }).first();
  await expect(article.locator('video')).toHaveCount(4, { timeout: 30_000 });
  return { article, clips: body.video_urls };
}

for (const relay of [true, false]) {
  base.describe(`clips on a CDN without CORS, ${relay ? 'with the relay' : 'RELAY=off'}`, () => {
    base.describe.configure({ mode: 'serial', timeout: 240_000 });
    const { studioPort } = useThreeOrigins({
      basePort: BASE,
      cors: 'off',
      relay: relay,
      linkTtlSeconds: LINK_TTL_S,
      token: TOKEN,
    });

    base(
      'after the links expire and a reload, the clips play from their kept copy, or the card says why none exists',
      async ({ page }) => {
        await page.goto(`http://127.0.0.1:${studioPort}`);
        await configure(page, { target: 'AceData', token: TOKEN });
        const { article, clips } = await animate(
          page,
          `a windmill by a canal --seed ${relay ? 21 : 22}`,
        );
        // Every clip plays while its link lives.
        for (let i = 0; i < 4; i++)
          expect(await loads(article.locator('video').nth(i))).toBe('loaded true');
        const served = await Promise.all(
          clips.map(async (u) => Buffer.from(await (await fetch(u)).arrayBuffer())),
        );
        await expect(article.locator('.kept-copy')).toHaveText(
          relay ? 'Clips kept: via the studio server' : `Clip 1: no copy, link only: ${NEVER}`,
        );

        // The links expire: the CDN answers 404 for every clip.
        await expect
          .poll(async () => (await fetch(clips[0]!)).status, { timeout: 30_000 })
          .toBe(404);
        await page.reload();
        const again = page.getByRole('article').filter({ hasText: 'Animate of' }).first();
        const videos = again.locator('video');
        await expect(videos).toHaveCount(4);
        if (relay) {
          for (let i = 0; i < 4; i++) expect(await loads(videos.nth(i))).toBe('loaded true');
          await videos.nth(2).hover();
          await expect
            .poll(() => videos.nth(2).evaluate((v: HTMLVideoElement) => v.currentTime > 0.2), {
              timeout: 20_000,
            })
            .toBe(true);
          const [download] = await Promise.all([
            page.waitForEvent('download'),
            again.getByRole('button', { name: 'Download clip 2' }).click(),
          ]);
          expect((await readFile((await download.path())!)).equals(served[1]!)).toBe(true);
        } else {
          // No hang: each clip says why it cannot play, and Download says why it cannot save.
          for (let n = 1; n <= 4; n++) {
            await expect(
              again.getByRole('status').filter({ hasText: `Clip ${n} cannot` }),
            ).toHaveText(
              `Clip ${n} cannot play: its link failed (expired, dead or offline) and no copy was kept on this device (${NEVER}).`,
            );
          }
          await again.getByRole('button', { name: 'Download clip 2' }).click();
          await expect(again.getByRole('alert')).toHaveText(
            'Download is not possible: the link has expired and no copy was kept.',
          );
        }
      },
    );
  });
}
