import { ADMIN, test, expect, imagine, card, armFault, openAdvanced } from './fixtures';

interface TaskItem {
  request?: { prompt?: string; action?: string };
  response?: { image_url?: string; success?: boolean };
}

async function tasksByPrompt(page: import('@playwright/test').Page) {
  const res = await page.request.post('/midjourney/tasks', {
    headers: { authorization: 'Bearer inspector' },
    data: { action: 'retrieve_batch', limit: 100 },
  });
  const { items } = (await res.json()) as { items: TaskItem[] };
  return new Map(items.map((t) => [t.request?.prompt ?? '', t]));
}

test.describe('nothing is ever lost', () => {
  test('20 jobs whose streams drop at random progress all end done with the right image', async ({
    page,
    requests,
  }) => {
    test.setTimeout(120_000);
    await page.goto('/');
    await page.request.post('/__engine/pace', { headers: ADMIN, data: { ms: 30 } });
    for (let i = 0; i < 20; i++) await armFault(page, { drop_at: 10 + ((i * 37) % 81) });
    const prompts = Array.from({ length: 20 }, (_, i) => `dropped stream ${i} --seed ${100 + i}`);
    for (const p of prompts) await imagine(page, p);
    await expect(page.getByRole('article').filter({ hasText: 'Done' })).toHaveCount(20, {
      timeout: 90_000,
    });
    const tasks = await tasksByPrompt(page);
    for (const p of prompts) {
      const shown = await card(page, p).locator('img.final').getAttribute('src');
      expect(shown, p).toBe(tasks.get(p)?.response?.image_url);
    }
    // Recovery polled; it never submitted a job twice.
    expect(requests.filter((r) => r.url.endsWith('/midjourney/imagine'))).toHaveLength(20);
  });

  test('reloading mid-generation, several times: every job completes, none is sent twice', async ({
    page,
    requests,
  }) => {
    await page.goto('/');
    await page.request.post('/__engine/pace', { headers: ADMIN, data: { ms: 350 } });
    const prompts = ['reload one --seed 201', 'reload two --seed 202', 'reload three --seed 203'];
    for (const p of prompts) await imagine(page, p);
    for (let round = 0; round < 3; round++) {
      await expect(
        page.getByRole('article').filter({ hasText: 'Generating' }).first(),
      ).toBeVisible();
      await page.waitForTimeout(600);
      await page.reload();
      // After the reload the feed is back, in the same order.
      await expect(page.getByRole('article')).toHaveCount(3);
      await expect(page.getByRole('article').first()).toHaveAccessibleName(prompts[2]!);
    }
    await page.request.post('/__engine/pace', { headers: ADMIN, data: { ms: 30 } });
    for (const p of prompts)
      await expect(card(page, p).getByRole('button', { name: 'U1', exact: true })).toBeVisible({
        timeout: 30_000,
      });
    expect(requests.filter((r) => r.url.endsWith('/midjourney/imagine'))).toHaveLength(3);
    // And one more reload shows the finished results, from history.
    await page.reload();
    for (const p of prompts)
      await expect(card(page, p).getByRole('button', { name: 'V2', exact: true })).toBeVisible();
  });

  test('the engine restarting mid-job: the job fails with a clear message, never silently lost', async ({
    page,
  }) => {
    await page.goto('/');
    await page.request.post('/__engine/pace', { headers: ADMIN, data: { ms: 400 } });
    await imagine(page, 'a job the engine forgets --seed 301');
    const job = card(page, 'a job the engine forgets --seed 301');
    await expect(job.getByRole('progressbar')).toHaveAttribute('aria-valuenow', /^[1-9]/);
    await page.request.post('/__engine/restart', { headers: ADMIN, data: {} });
    const alert = job.getByRole('alert');
    await expect(alert).toContainText('The service no longer knows this task', { timeout: 30_000 });
    await page.request.post('/__engine/pace', { headers: ADMIN, data: { ms: 30 } });
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(job.getByRole('button', { name: 'U1', exact: true })).toBeVisible();
  });

  test('a finished picture stays visible after its link dies (cached in the browser)', async ({
    page,
  }) => {
    await page.goto('/');
    await imagine(page, 'a picture that outlives its link --seed 303');
    const job = card(page, 'a picture that outlives its link --seed 303');
    await expect(job.getByRole('button', { name: 'U1', exact: true })).toBeVisible();
    // The raw image is copied into IndexedDB once the job is done.
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const open = indexedDB.open('imagine-studio');
              open.onsuccess = () => {
                const count = open.result.transaction('blobs').objectStore('blobs').count();
                count.onsuccess = () => resolve(count.result);
              };
            }),
        ),
      )
      .toBeGreaterThan(0);
    // The service forgets everything: every image link now answers 404.
    await page.request.post('/__engine/restart', { headers: ADMIN, data: {} });
    const src = await job.locator('img.final').getAttribute('src');
    expect((await page.request.get(src!)).status()).toBe(404);
    // And the browser's own HTTP cache is gone too, as it would be days later.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
    await page.reload();
    // Shown from a kept copy: the blob, or the service worker's offline copy of the very link
    // (it answers `<img>` from Cache Storage first), whichever the page reaches.
    const shown = card(page, 'a picture that outlives its link --seed 303').locator('img.final');
    await expect(shown).toHaveAttribute('src', /^(blob:|http:\/\/127\.0\.0\.1:\d+\/attachments\/)/);
    await expect
      .poll(() => shown.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)))
      .toBeGreaterThanOrEqual(1024);
  });

  test('a job that goes silent is checked, shown as stalled (never spinning forever), and retried', async ({
    page,
  }) => {
    // No job is called stalled before the service's own 480 s: the page's clock jumps there.
    await page.clock.install();
    await page.goto('/');
    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await openAdvanced(settings);
    await settings.getByLabel('Stalled after (seconds without news)').fill('3');
    await settings.getByRole('button', { name: 'Close' }).click();
    await armFault(page, { stall: true });
    await imagine(page, 'a job that goes quiet --seed 304');
    const job = card(page, 'a job that goes quiet --seed 304');
    await expect(job).toContainText('Generating');
    await page.clock.fastForward('08:00');
    await expect(job).toContainText('Stalled', { timeout: 20_000 });
    await expect(job.getByRole('status')).toContainText('No news for a while');
    // Checking again asks the service, which still has nothing: it stays stalled, not failed.
    await job.getByRole('button', { name: 'Check again' }).click();
    await expect(job).toContainText('Stalled');
    await job.getByRole('button', { name: 'Retry' }).click();
    await expect(job.getByRole('button', { name: 'U1', exact: true })).toBeVisible({
      timeout: 20_000,
    });
  });

  test('a 500 on submit is shown with Retry, and the retry succeeds', async ({ page }) => {
    await page.goto('/');
    await armFault(page, { status: 500, message: 'fetch failed' });
    await imagine(page, 'a flaky server --seed 302');
    const alert = card(page, 'a flaky server --seed 302').getByRole('alert');
    await expect(alert).toContainText('Service error');
    await expect(alert).toContainText('fetch failed');
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(
      card(page, 'a flaky server --seed 302').getByRole('button', { name: 'U1', exact: true }),
    ).toBeVisible();
  });
});
