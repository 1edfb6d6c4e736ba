import { ADMIN, test, expect, imagine, card } from './fixtures';

/** Open the studio on the local engine, then take the browser offline; the connection badge. */
async function openThenGoOffline(
  page: import('@playwright/test').Page,
  context: import('@playwright/test').BrowserContext,
) {
  await page.goto('/');
  const badge = page.getByRole('banner').getByRole('status', { name: 'Connection' });
  await expect(badge).toHaveText('Local engine');
  // Once the studio has loaded: its cards' code comes just after the first paint (a part that
  // had not come before the network went says so, and loads on its return: lazy-parts.spec).
  await page.waitForLoadState('networkidle');
  await context.setOffline(true);
  await expect(badge).toHaveText('Offline');
  return badge;
}

/** The imagine submissions the engine has on record for `prompt`. */
async function submissions(page: import('@playwright/test').Page, prompt: string) {
  const res = await page.request.post('/midjourney/tasks', {
    headers: { authorization: 'Bearer inspector' },
    data: { action: 'retrieve_batch', limit: 100 },
  });
  const { items } = (await res.json()) as { items: { request?: { prompt?: string } }[] };
  return items.filter((t) => t.request?.prompt === prompt).length;
}

test.describe('offline and unreachable are said, not shown as progress', () => {
  test('a job submitted offline waits for the network and is sent once when it is back', async ({
    page,
    context,
    requests,
  }) => {
    const badge = await openThenGoOffline(page, context);

    const prompt = 'sent once the network is back --seed 1401';
    await imagine(page, prompt);
    const job = card(page, prompt);
    await expect(job.getByText('Waiting for the network')).toBeVisible();
    await expect(job.getByText('Generating')).toHaveCount(0);
    // Nothing left the tab while offline.
    expect(requests.filter((r) => r.url.endsWith('/midjourney/imagine'))).toHaveLength(0);

    await context.setOffline(false);
    await expect(badge).toHaveText('Local engine');
    await expect(job.getByRole('button', { name: 'U1', exact: true })).toBeVisible();
    await expect(job.getByText('Waiting for the network')).toHaveCount(0);
    expect(requests.filter((r) => r.url.endsWith('/midjourney/imagine'))).toHaveLength(1);
    expect(await submissions(page, prompt)).toBe(1);
  });

  test('offline before the prompt check has arrived: the job still waits for the network, then goes', async ({
    page,
    context,
    requests,
  }) => {
    // The check loads just after the first paint; here the network goes before it arrives.
    const lintChunk = /\/assets\/lint-[\w-]+\.js$/;
    await page.route(lintChunk, (route) => route.abort('internetdisconnected'));
    await openThenGoOffline(page, context);

    const prompt = 'sent before its check arrived --seed 1402';
    await imagine(page, prompt);
    const job = card(page, prompt);
    await expect(job.getByText('Waiting for the network')).toBeVisible();
    expect(requests.filter((r) => r.url.endsWith('/midjourney/imagine'))).toHaveLength(0);

    await page.unroute(lintChunk);
    await context.setOffline(false);
    await expect(job.getByRole('button', { name: 'U1', exact: true })).toBeVisible();
    expect(await submissions(page, prompt)).toBe(1);
    // The check arrives with the network: a sure refusal is flagged again.
    await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill('a kite --foo');
    await expect(page.getByRole('list', { name: 'Prompt check' })).toContainText('--foo');
  });

  test('an engine that cannot be reached is named in the badge, and its return too', async ({
    page,
  }) => {
    await page.goto('/');
    const badge = page.getByRole('banner').getByRole('status', { name: 'Connection' });
    // The engine's port refuses connections; the browser itself is online.
    const refuse = (route: import('@playwright/test').Route) => route.abort('connectionrefused');
    await page.route('**/midjourney/**', refuse);
    await page.route(
      (url) => url.pathname === '/' && url.search === '',
      async (route) =>
        route.request().method() === 'HEAD' ? route.abort('connectionrefused') : route.continue(),
    );
    await imagine(page, 'nobody answers --seed 1402');
    await expect(badge).toHaveText('Local engine unreachable');
    await page.unrouteAll();
    await expect(badge).toHaveText('Local engine');
  });
});

test.describe('a lost final image', () => {
  // page.route cannot see requests a service worker makes; with the worker's copy the picture
  // would never be lost. This journey is the browser without one (a first visit, or no support).
  test.use({ serviceWorkers: 'block' });

  test('a final image lost to the network is never replaced by the preview, and loads when back online', async ({
    page,
    context,
  }) => {
    await page.goto('/');
    await page.request.post('/__engine/pace', { headers: ADMIN, data: { ms: 150 } });
    // The network drops just as the final picture (a .png; previews are .webp) is fetched, for
    // the relay too: else the copy kept through it would show (as it should) in the picture's place.
    let down = true;
    await page.route(
      (url) => url.pathname.endsWith('.png') || url.pathname === '/relay',
      (route) => (down ? route.abort('internetdisconnected') : route.continue()),
    );
    const prompt = 'the network drops at the end --seed 1403';
    await imagine(page, prompt);
    const job = card(page, prompt);
    await expect(job.locator('img.preview')).toBeVisible();
    await expect(job.getByText('Done', { exact: true })).toBeVisible();
    await context.setOffline(true);
    await expect(job.getByRole('status')).toHaveText(
      'Final image not loaded yet — will retry when online',
    );
    await expect(job.getByRole('img')).toHaveCount(0);

    down = false;
    await context.setOffline(false);
    const res = await page.request.post('/midjourney/tasks', {
      headers: { authorization: 'Bearer inspector' },
      data: { action: 'retrieve_batch', limit: 100 },
    });
    const { items } = (await res.json()) as {
      items: {
        request?: { prompt?: string };
        response?: { image_url?: string; image_width?: number; raw_image_width?: number };
      }[];
    };
    const final = items.find((t) => t.request?.prompt === prompt)!.response!;
    const img = job.getByRole('img', { name: prompt });
    await expect(img).toHaveAttribute('src', final.image_url!);
    await expect(img).toHaveClass('final');
    await expect
      .poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth))
      .toBe(final.image_width);
    await expect(job.getByRole('status')).toHaveCount(0);
  });
});

test('"Use as reference" on a grid takes the chosen quadrant, shown as a thumbnail', async ({
  page,
  requests,
}) => {
  await page.goto('/');
  const prompt = 'four lighthouses --seed 1404';
  await imagine(page, prompt);
  const grid = card(page, prompt);
  await expect(grid.getByRole('button', { name: 'U1', exact: true })).toBeVisible();
  const box = page.getByRole('textbox', { name: 'Prompt', exact: true });
  await box.fill('');

  await grid.getByRole('button', { name: 'Quadrant 2' }).click();
  await grid.getByRole('button', { name: 'Use U2 as reference' }).click();
  const res = await page.request.post('/midjourney/tasks', {
    headers: { authorization: 'Bearer inspector' },
    data: { action: 'retrieve_batch', limit: 100 },
  });
  const { items } = (await res.json()) as {
    items: {
      request?: { prompt?: string };
      response?: { sub_image_urls?: string[]; raw_image_width?: number };
    }[];
  };
  const done = items.find((t) => t.request?.prompt === prompt)!.response!;
  expect(done.sub_image_urls).toHaveLength(4);
  const thumb = page.getByRole('list', { name: 'Reference images' }).getByRole('img');
  await expect(thumb).toHaveCount(1);
  await expect(thumb).toHaveAttribute('src', done.sub_image_urls![1]!);
  // The picture is one quadrant: half the grid's width.
  await expect
    .poll(() => thumb.evaluate((el: HTMLImageElement) => el.naturalWidth))
    .toBe(done.raw_image_width! / 2);

  await box.pressSequentially(' a lighthouse alone');
  await page.getByRole('button', { name: 'Imagine' }).click();
  await expect(
    page.getByRole('article').first().getByRole('button', { name: 'U1', exact: true }),
  ).toBeVisible();
  const sent = JSON.parse(
    requests.filter((r) => r.url.endsWith('/midjourney/imagine')).at(-1)!.body!,
  );
  expect(sent.prompt).toBe(`${done.sub_image_urls![1]} a lighthouse alone`);
});
