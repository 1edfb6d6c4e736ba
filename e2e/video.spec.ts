import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { test, expect, imagine, card } from './fixtures';

interface Answered {
  video_id: string;
  video_urls: string[];
  image_width: number;
  image_height: number;
}

/** The next videos answer the page receives (the engine answers one JSON body). */
function nextVideosAnswer(page: Page): Promise<Answered> {
  return page
    .waitForResponse(
      (r) => r.url().endsWith('/midjourney/videos') && r.request().method() === 'POST',
      {
        timeout: 180_000,
      },
    )
    .then(async (r) => {
      const lines = (await r.text()).split('\n').filter((l) => l.trim());
      return JSON.parse(lines[lines.length - 1]!) as Answered;
    });
}

/** Waits for a clip's metadata and reads what the browser decoded. */
function metadata(video: Locator) {
  return video.evaluate(
    (v: HTMLVideoElement) =>
      new Promise<{ duration: number; width: number; height: number; src: string }>(
        (resolve, reject) => {
          const read = () =>
            resolve({
              duration: v.duration,
              width: v.videoWidth,
              height: v.videoHeight,
              src: v.currentSrc,
            });
          if (v.readyState >= 1) return read();
          v.addEventListener('loadedmetadata', read, { once: true });
          v.addEventListener('error', () => reject(new Error(`clip failed: ${v.currentSrc}`)), {
            once: true,
          });
        },
      ),
  );
}

async function expectClips(article: Locator, answered: Answered): Promise<void> {
  const clips = article.locator('video');
  await expect(clips).toHaveCount(4, { timeout: 30_000 });
  for (let i = 0; i < 4; i++) {
    const clip = clips.nth(i);
    await expect(clip).toHaveJSProperty('muted', true);
    await expect(clip).toHaveJSProperty('loop', true);
    await expect(clip).toHaveAttribute('playsinline', '');
    const meta = await metadata(clip);
    expect(meta.duration).toBeGreaterThan(0);
    expect({ width: meta.width, height: meta.height }).toEqual({
      width: answered.image_width,
      height: answered.image_height,
    });
  }
}

/** Hovering a clip plays it: its time moves on. */
async function expectPlaysOnHover(clip: Locator): Promise<void> {
  await clip.hover();
  await expect
    .poll(() => clip.evaluate((v: HTMLVideoElement) => !v.paused && v.currentTime > 0.2), {
      timeout: 20_000,
    })
    .toBe(true);
}

test('Animate an upscale: four clips that play, Extend clip 2 makes a linked card, both kept after a reload', async ({
  page,
  requests,
}) => {
  // Encoding is real (a few seconds of CPU per set of four, on a shared machine).
  test.setTimeout(420_000);
  await page.goto('/');
  const prompt = 'a harbour with sailing boats at dawn --seed 12';
  await imagine(page, prompt);
  await card(page, prompt).getByRole('button', { name: 'U2', exact: true }).click();
  const upscaled = page.getByRole('article').filter({ hasText: 'U2 of' }).first();
  await upscaled.getByRole('button', { name: 'Animate' }).click({ timeout: 60_000 });

  const dialog = page.getByRole('dialog', { name: 'Animate' });
  await expect(dialog).toBeVisible();
  // What the reference says about video: fast or turbo only, 480p or 720p.
  await expect(dialog.getByLabel('Mode').locator('option')).toHaveText(['fast', 'turbo']);
  await expect(dialog.getByLabel('Resolution').locator('option')).toHaveText(['480p', /^720p/]);
  await dialog.getByLabel('Motion prompt').fill('the boats drift on the swell');
  await dialog.getByLabel('Resolution').selectOption('480p');
  await expect(dialog.getByLabel('Loop')).not.toBeChecked();
  const firstAnswer = nextVideosAnswer(page);
  await dialog.getByRole('button', { name: 'Animate' }).click();
  await expect(dialog).toBeHidden();

  // Cards are named by lineage ("Animate of U2 · from …"); the motion prompt is shown second.
  const animated = page
    .getByRole('article')
    .filter({ hasText: 'Animate of' })
    .filter({ hasText: 'the boats drift on the swell' })
    .first();
  // Progress like an image job while the clips are made.
  await expect(animated.getByRole('progressbar', { name: 'Generation progress' })).toBeVisible();
  const answered = await firstAnswer;
  const sent = requests.find((r) => r.url.endsWith('/midjourney/videos'))!;
  expect(JSON.parse(sent.body!)).toMatchObject({
    action: 'generate',
    prompt: 'the boats drift on the swell',
    resolution: '480p',
    loop: false,
    mode: 'fast',
  });
  expect(Math.min(answered.image_width, answered.image_height)).toBe(480);
  await expectClips(animated, answered);
  // The clip's card links to the image it came from, and says where that came from.
  await expect(animated.getByRole('link', { name: 'U2', exact: true })).toHaveAttribute(
    'href',
    `#job-${(await upscaled.getAttribute('id'))!.replace(/^job-/, '')}`,
  );
  await expect(animated).toContainText('from “a harbour with sailing boats');
  await expectPlaysOnHover(animated.locator('video').first());

  // The lightbox plays a clip with controls.
  await animated.getByRole('button', { name: 'Play clip 3' }).click();
  const lightbox = page.getByRole('dialog', { name: /^Clip 3/ });
  const big = lightbox.locator('video');
  await expect(big).toHaveAttribute('controls', '');
  await expect
    .poll(() => big.evaluate((v: HTMLVideoElement) => v.currentTime > 0.2), { timeout: 20_000 })
    .toBe(true);
  // The player fits the clip: no empty half beside it (a long title wraps instead of widening it).
  const [box, clip] = [await lightbox.boundingBox(), await big.boundingBox()];
  expect(clip!.width).toBeGreaterThan(box!.width - 40);
  await lightbox.getByRole('button', { name: 'Close' }).click();

  // Download clip 1 saves that clip's MP4, byte for byte (from the copy kept through the relay:
  // the CDN allows no cross-origin reads).
  const download = page.waitForEvent('download');
  await animated.getByRole('button', { name: 'Download clip 1' }).click();
  expect((await download).suggestedFilename()).toMatch(/-clip-1\.mp4$/);
  const served = Buffer.from(await (await fetch(answered.video_urls[0]!)).arrayBuffer());
  expect((await readFile((await (await download).path())!)).equals(served)).toBe(true);
  await expect(animated.locator('.kept-copy')).toHaveText('Clips kept: via the studio server');

  // Extend clip 2: a new card, linked to its parent, with four more clips.
  const secondAnswer = nextVideosAnswer(page);
  await animated.getByRole('button', { name: 'Extend clip 2' }).click();
  const extended = page.getByRole('article').filter({ hasText: 'Extend of' }).first();
  await expect(extended).toBeVisible();
  const extendAnswer = await secondAnswer;
  const extendSent = requests.filter((r) => r.url.endsWith('/midjourney/videos'))[1]!;
  expect(JSON.parse(extendSent.body!)).toMatchObject({
    action: 'extend',
    video_id: answered.video_id,
    video_index: 1,
  });
  expect(JSON.parse(extendSent.body!)).not.toHaveProperty('image_url');
  expect(extendAnswer.video_id).not.toBe(answered.video_id);
  await expectClips(extended, extendAnswer);
  await expect(extended.getByRole('link', { name: 'Animate', exact: true })).toHaveAttribute(
    'href',
    `#job-${(await animated.getAttribute('id'))!.replace(/^job-/, '')}`,
  );
  await expect(extended).toContainText('the boats drift on the swell');

  // After a reload both cards are still there, and their clips load and play.
  await page.reload();
  const again = page.getByRole('article').filter({ hasText: 'Animate of' }).first();
  const againExtended = page.getByRole('article').filter({ hasText: 'Extend of' }).first();
  await expectClips(again, answered);
  await expectClips(againExtended, extendAnswer);
  await expectPlaysOnHover(againExtended.locator('video').nth(1));
  await expectPlaysOnHover(again.locator('video').nth(3));
});
