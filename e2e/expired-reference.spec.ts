import sharp from 'sharp';
import { startTsxServer, type BenchServer } from '../test-support/servers';
import { card, expect, imagine, test } from './fixtures';
import { e2ePort } from './ports';

/**
 * Issue 9: "Use as reference" on a picture whose link has expired says so before a credit is
 * spent, and on the local engine offers the studio's kept copy, re-hosted with a live link.
 * Its own studio (engine mounted, CDN without CORS, relay on) with links that live 4 s.
 */
const PORT = e2ePort(8);
let studio: BenchServer | undefined;
// The fixtures check the token goes nowhere but this studio's own origin.
test.use({ baseURL: `http://127.0.0.1:${PORT}` });

test.beforeAll(async () => {
  studio = await startTsxServer(
    'server/studio/cli.ts',
    [],
    {
      PORT: String(PORT),
      ENGINE_LINK_TTL: '4',
      ENGINE_PACE_MS: '40',
      ENGINE_CDN_CORS: 'off',
      ACEDATA_PROXY_TARGET: '',
    },
    `http://127.0.0.1:${PORT}/`,
  );
});
test.afterAll(async () => {
  await studio?.stop();
});

test('an expired link: said before spending, then "Use the kept copy" sends a live link and the task succeeds', async ({
  page,
  requests,
}) => {
  await page.goto('/');
  const prompt = 'a lone pine on a ridge --seed 909';
  await imagine(page, prompt);
  const grid = card(page, prompt);
  await expect(grid.getByRole('button', { name: 'U1', exact: true })).toBeVisible();
  await expect(grid.locator('.kept-copy')).toHaveText('Kept: via the studio server');
  const raw = await grid.getByRole('img', { name: prompt }).getAttribute('src');
  // The link expires: the CDN answers 404.
  await expect
    .poll(async () => (await page.request.get(raw!)).status(), { timeout: 20_000 })
    .toBe(404);

  const imagines = () => requests.filter((r) => r.url.endsWith('/midjourney/imagine'));
  expect(imagines()).toHaveLength(1);
  const box = page.getByRole('textbox', { name: 'Prompt', exact: true });
  await box.fill('');
  await grid.getByRole('button', { name: 'Use as reference' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'link has expired' });
  await expect(notice).toContainText('would fail after spending a credit');
  // Nothing was added and nothing sent: the dead link is not a reference.
  const thumbs = page.getByRole('list', { name: 'Reference images' }).getByRole('img');
  await expect(thumbs).toHaveCount(0);

  await notice.getByRole('button', { name: 'Use the kept copy' }).click();
  await expect(thumbs).toHaveCount(1);
  const fresh = (await thumbs.getAttribute('src'))!;
  expect(fresh).toMatch(/\/attachments\/uploads\/.+\?ex=[0-9a-f]+&/);
  expect(fresh).not.toBe(raw);
  // The thumbnail shows the kept picture itself, from its new live link.
  await expect.poll(() => thumbs.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(2048);

  await box.fill('the same pine in snow');
  await page.getByRole('button', { name: 'Imagine' }).click();
  await expect.poll(() => imagines()).toHaveLength(2);
  const sent = JSON.parse(imagines()[1]!.body!) as { prompt: string };
  expect(sent.prompt).toBe(`${fresh} the same pine in snow`);
  const ex = parseInt(new URL(fresh).searchParams.get('ex')!, 16) * 1000;
  expect(ex).toBeGreaterThan(Date.now());
  // The task succeeds on it: a grid with its buttons.
  // Its card is titled with the link's short form (host and file, never the signed query).
  const link = new URL(fresh);
  const title = `${link.host}/${link.pathname.split('/').pop()} the same pine in snow`;
  await expect(card(page, title).getByRole('button', { name: 'U1', exact: true })).toBeVisible();
});

test('an expired quadrant: its picture is cut from the kept grid, pixel for pixel, and sent with a live link', async ({
  page,
  requests,
}) => {
  await page.goto('/');
  const prompt = 'four harbours at noon --seed 2024';
  await imagine(page, prompt);
  const grid = card(page, prompt);
  await expect(grid.getByRole('button', { name: 'U1', exact: true })).toBeVisible();
  await expect(grid.locator('.kept-copy')).toHaveText('Kept: via the studio server');
  // The quadrant as the service cut it, read while its link still lives.
  const res = await page.request.post('/midjourney/tasks', {
    headers: { authorization: 'Bearer inspector' },
    data: { action: 'retrieve_batch', limit: 100 },
  });
  const { items } = (await res.json()) as {
    items: { request?: { prompt?: string }; response?: { sub_image_urls?: string[] } }[];
  };
  const served = items.find((t) => t.request?.prompt === prompt)!.response!.sub_image_urls![1]!;
  const quadrantPng = await (await page.request.get(served)).body();
  await expect
    .poll(async () => (await page.request.get(served)).status(), { timeout: 20_000 })
    .toBe(404);

  const box = page.getByRole('textbox', { name: 'Prompt', exact: true });
  await box.fill('');
  await grid.getByRole('button', { name: 'Quadrant 2' }).click();
  await grid.getByRole('button', { name: 'Use U2 as reference' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'link has expired' });
  await notice.getByRole('button', { name: 'Use the kept copy' }).click();
  const thumbs = page.getByRole('list', { name: 'Reference images' }).getByRole('img');
  await expect(thumbs).toHaveCount(1);
  const fresh = (await thumbs.getAttribute('src'))!;
  expect(fresh).toMatch(/\/attachments\/uploads\//);

  // The re-hosted picture is the grid's top-right quadrant, pixel for pixel as served.
  const expected = await sharp(quadrantPng)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const sent = await sharp(await (await page.request.get(fresh)).body())
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  expect([sent.info.width, sent.info.height]).toEqual([expected.info.width, expected.info.height]);
  expect(sent.data.equals(expected.data)).toBe(true);

  await box.fill('one harbour at dusk');
  await page.getByRole('button', { name: 'Imagine' }).click();
  const imagines = () => requests.filter((r) => r.url.endsWith('/midjourney/imagine'));
  await expect.poll(() => imagines()).toHaveLength(2);
  expect((JSON.parse(imagines()[1]!.body!) as { prompt: string }).prompt).toBe(
    `${fresh} one harbour at dusk`,
  );
});

test('Edit image on an expired picture: nothing is sent until "Use the kept copy", then the edit goes out on a live link', async ({
  page,
  requests,
}) => {
  await page.goto('/');
  const prompt = 'a stone bridge in fog --seed 515';
  await imagine(page, prompt);
  const grid = card(page, prompt);
  await grid.getByRole('button', { name: 'U1', exact: true }).click();
  const upscaled = page.getByRole('article').filter({ hasText: 'U1 of' }).first();
  await expect(upscaled.locator('.kept-copy')).toHaveText('Kept: via the studio server', {
    timeout: 30_000,
  });
  const shown = (await upscaled.getByRole('img').first().getAttribute('src'))!;
  await expect
    .poll(async () => (await page.request.get(shown)).status(), { timeout: 20_000 })
    .toBe(404);

  await upscaled.getByRole('button', { name: 'Edit image' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit image' });
  await dialog.getByRole('textbox', { name: 'Edit prompt' }).fill('a lantern on the bridge');
  await dialog.getByRole('button', { name: 'Submit edit' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'link has expired' });
  await expect(notice).toContainText('would fail after spending a credit');
  const edits = () => requests.filter((r) => r.url.endsWith('/midjourney/edits'));
  expect(edits()).toHaveLength(0);

  await notice.getByRole('button', { name: 'Use the kept copy' }).click();
  await expect.poll(() => edits()).toHaveLength(1);
  const sent = JSON.parse(edits()[0]!.body!) as { image_url: string; prompt: string };
  expect(sent.prompt).toBe('a lantern on the bridge');
  expect(sent.image_url).toMatch(/\/attachments\/uploads\/.+\?ex=[0-9a-f]+&/);
  const edited = page.getByRole('article').filter({ hasText: 'Edit of' }).first();
  await expect(edited.getByRole('button', { name: 'U1', exact: true })).toBeVisible({
    timeout: 30_000,
  });
});
