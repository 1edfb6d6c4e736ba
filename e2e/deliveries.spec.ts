import { ADMIN, test, expect, imagine, card, configure, E2E_TOKEN } from './fixtures';
import { PROXY_TOKEN } from './proxy-token';

test.describe('deliveries, blends and concurrency', () => {
  test('Wait delivery: one final answer, no stream', async ({ page, requests }) => {
    await page.goto('/');
    await configure(page, { delivery: 'Wait', token: E2E_TOKEN });
    await imagine(page, 'a quiet harbour, wait mode --seed 11');
    const job = card(page, 'a quiet harbour, wait mode --seed 11');
    await expect(job.getByRole('button', { name: 'U1', exact: true })).toBeVisible();
    const sent = requests.filter((r) => r.url.endsWith('/midjourney/imagine'));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.authorization).toBe(`Bearer ${E2E_TOKEN}`);
    expect(JSON.parse(sent[0]!.body!)).toMatchObject({
      prompt: 'a quiet harbour, wait mode --seed 11',
    });
  });

  test('Async delivery: a task id at once, then polling the tasks endpoint to the grid', async ({
    page,
    requests,
  }) => {
    await page.goto('/');
    await configure(page, { delivery: 'Async', token: E2E_TOKEN });
    await imagine(page, 'a paper boat, async mode --seed 12');
    const job = card(page, 'a paper boat, async mode --seed 12');
    await expect(job.getByRole('button', { name: 'V4', exact: true })).toBeVisible({
      timeout: 30_000,
    });
    const submit = requests.find((r) => r.url.endsWith('/midjourney/imagine'));
    expect(JSON.parse(submit!.body!)).toMatchObject({ async: true });
    const polls = requests.filter((r) => r.url.endsWith('/midjourney/tasks'));
    expect(polls.length).toBeGreaterThan(0);
    expect(JSON.parse(polls[0]!.body!)).toMatchObject({ action: 'retrieve' });

    // The token is in sessionStorage only: never in localStorage or the IndexedDB history.
    const stored = await page.evaluate(async () => {
      const local = JSON.stringify({ ...localStorage });
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('imagine-studio');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const jobs = await new Promise<unknown[]>((resolve, reject) => {
        const get = db.transaction('jobs').objectStore('jobs').getAll();
        get.onsuccess = () => resolve(get.result);
        get.onerror = () => reject(get.error);
      });
      return { local, jobs: JSON.stringify(jobs) };
    });
    expect(stored.jobs).toContain('a paper boat, async mode');
    expect(stored.jobs).not.toContain(E2E_TOKEN);
    expect(stored.local).not.toContain(E2E_TOKEN);
  });

  test('a blend of two images the engine generated', async ({ page, requests }) => {
    await page.goto('/');
    await imagine(page, 'red desert dunes --seed 21');
    await expect(
      card(page, 'red desert dunes --seed 21').getByRole('button', { name: 'U1', exact: true }),
    ).toBeVisible();
    await imagine(page, 'blue ocean waves --seed 22');
    await expect(
      card(page, 'blue ocean waves --seed 22').getByRole('button', { name: 'U1', exact: true }),
    ).toBeVisible();

    const prompt = page.getByRole('textbox', { name: 'Prompt', exact: true });
    await prompt.fill('');
    await card(page, 'red desert dunes --seed 21')
      .getByRole('button', { name: 'Use as reference' })
      .click();
    await card(page, 'blue ocean waves --seed 22')
      .getByRole('button', { name: 'Use as reference' })
      .click();
    await expect(page.getByRole('list', { name: 'Reference images' }).getByRole('img')).toHaveCount(
      2,
    );
    await expect(page.getByText('Blend of 2 images')).toBeVisible();
    await page.getByRole('button', { name: 'Imagine' }).click();

    const blend = page.getByRole('article').first();
    await expect(blend.getByRole('button', { name: 'U1', exact: true })).toBeVisible();
    const body = JSON.parse(
      requests.filter((r) => r.url.endsWith('/midjourney/imagine')).at(-1)!.body!,
    );
    const urls = (body.prompt as string).split(' ');
    expect(urls).toHaveLength(2);
    for (const url of urls) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/attachments\//);
  });

  test('three jobs run at once; the fourth waits visibly queued, then runs', async ({ page }) => {
    await page.goto('/');
    await page.request.post('/__engine/pace', { headers: ADMIN, data: { ms: 400 } });
    for (const n of [1, 2, 3, 4]) await imagine(page, `parallel job ${n} --seed ${30 + n}`);
    await expect(page.getByRole('article').filter({ hasText: 'Generating' })).toHaveCount(3);
    await expect(page.getByRole('article').filter({ hasText: 'Queued' })).toHaveCount(1);
    await expect(card(page, 'parallel job 4 --seed 34')).toContainText('Queued');
    await page.request.post('/__engine/pace', { headers: ADMIN, data: { ms: 20 } });
    await expect(page.getByRole('article').filter({ hasText: 'Done' })).toHaveCount(4, {
      timeout: 30_000,
    });
  });

  test('a queued or running job can be cancelled', async ({ page }) => {
    await page.goto('/');
    await page.request.post('/__engine/pace', { headers: ADMIN, data: { ms: 500 } });
    await imagine(page, 'slow moon --seed 41');
    const job = card(page, 'slow moon --seed 41');
    await expect(job).toContainText('Generating');
    await job.getByRole('button', { name: 'Cancel' }).click();
    await expect(job).toContainText('Cancelled');
    await expect(job.getByRole('button', { name: 'Retry' })).toBeVisible();
  });
});

test('AceData via the studio pass-through: same-origin /acedata/* reaches the service with the token', async ({
  page,
  requests,
}) => {
  await page.goto('/');
  await configure(page, { target: 'AceData via studio pass-through', token: PROXY_TOKEN });
  await expect(page.getByText('AceData (via studio)')).toBeVisible();
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('button', { name: 'Test connection' }).click();
  await expect(settings.getByRole('status')).toContainText('the token works');
  await settings.getByRole('button', { name: 'Close' }).click();

  await imagine(page, 'through the pass-through --seed 81');
  await expect(card(page, 'through the pass-through --seed 81')).toContainText('Done');
  const sent = requests.filter((r) => r.url.includes('/acedata/midjourney/imagine'));
  expect(sent).toHaveLength(1);
  expect(sent[0]!.authorization).toBe(`Bearer ${PROXY_TOKEN}`);
  // Nothing went to the local engine's own endpoints.
  expect(requests.filter((r) => /\/\/[^/]+\/midjourney\//.test(r.url))).toHaveLength(0);
});
