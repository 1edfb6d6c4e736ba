import type { Page } from '@playwright/test';
import { ADMIN, test, expect, imagine, card, armFault, configure, openAdvanced } from './fixtures';
import { PROXY_TOKEN } from './proxy-token';

/** An internal id (a UUID) anywhere in a text: never where a name belongs. */
const AN_ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/i;

/** The card whose accessible name is exactly `name`. */
const named = (page: Page, name: string) => page.getByRole('article', { name, exact: true });

/** Clicks an action on a card once it is offered, and returns the new card by its exact name. */
async function act(page: Page, from: string, action: string, made: string) {
  const button = named(page, from).getByRole('button', { name: action, exact: true });
  await expect(button).toBeVisible({ timeout: 30_000 });
  await button.click();
  const next = named(page, made);
  await expect(next).toContainText('Done', { timeout: 30_000 });
  return next;
}

test.describe('feed cards say what they are', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('a chain grid → U2 → Zoom Out 2x → V1 → U3 → Pan Left, Reroll and Vary (Region) reads by names; Copy prompt copies the prompt it came from', async ({
    page,
  }) => {
    await page.goto('/');
    const prompt = 'a lighthouse on a cliff --seed 5';
    const q = `“${prompt}”`;
    await imagine(page, prompt);
    await expect(named(page, prompt).getByRole('button', { name: 'U2', exact: true })).toBeVisible({
      timeout: 30_000,
    });
    await act(page, prompt, 'U2', `U2 of ${q}`);
    await act(page, `U2 of ${q}`, 'Zoom Out 2x', `Zoom Out 2x of U2 · from ${q}`);
    await act(page, `Zoom Out 2x of U2 · from ${q}`, 'V1', 'V1 of Zoom Out 2x · from U2 of …');
    await act(page, 'V1 of Zoom Out 2x · from U2 of …', 'U3', 'U3 of V1 · from Zoom Out 2x of …');
    const pan = await act(
      page,
      'U3 of V1 · from Zoom Out 2x of …',
      'Pan Left',
      'Pan Left of U3 · from V1 of …',
    );
    await act(
      page,
      'V1 of Zoom Out 2x · from U2 of …',
      'Reroll',
      'Reroll of V1 · from Zoom Out 2x of …',
    );

    // Vary (Region) on the derived upscale: a rectangle painted, the region sent.
    await named(page, 'U3 of V1 · from Zoom Out 2x of …')
      .getByRole('button', { name: 'Vary (Region)' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Vary Region' });
    const canvas = dialog.getByRole('application', { name: 'Mask canvas' });
    await expect(canvas).toBeVisible();
    await dialog.getByRole('button', { name: 'Rectangle' }).click();
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.4);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.6, { steps: 6 });
    await page.mouse.up();
    await dialog.getByRole('button', { name: 'Submit region' }).click();
    await expect(named(page, 'Vary (Region) of U3 · from V1 of …')).toContainText('Done', {
      timeout: 30_000,
    });

    // No card anywhere names a job by its id; the prompt is said second.
    const cards = page.getByRole('article');
    await expect(cards).toHaveCount(8);
    for (const c of await cards.all()) await expect(c).not.toContainText(AN_ID);
    await expect(pan).toContainText(prompt);

    // The grid marks the U/V already used (U2 made a card; U1 did not), as Midjourney does.
    const grid = named(page, prompt);
    // (Then each button's cost.)
    await expect(grid.getByRole('button', { name: 'U2', exact: true })).toHaveAccessibleDescription(
      /^Already used Relative cost/,
    );
    await expect(
      grid.getByRole('button', { name: 'U1', exact: true }),
    ).not.toHaveAccessibleDescription(/Already used/);

    // Copy prompt on a pan of an upscale copies the prompt it was made from, not nothing.
    await pan.getByRole('button', { name: 'Copy prompt' }).click();
    await expect(pan.getByRole('button', { name: 'Copy prompt' })).toContainText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(prompt);

    // Following the lineage link: the parent's card lands below the sticky header, highlighted.
    await pan.getByRole('link', { name: 'U3' }).click();
    const u3 = named(page, 'U3 of V1 · from Zoom Out 2x of …');
    await expect(u3).toBeFocused();
    await expect(u3).toHaveAttribute('data-highlight', 'true');
    const header = (await page.locator('header.app-header').boundingBox())!;
    const top = (await u3.boundingBox())!.y;
    expect(top).toBeGreaterThanOrEqual(header.y + header.height);
    expect(top).toBeLessThan(header.y + header.height + 60);
    await expect(u3).not.toHaveAttribute('data-highlight', 'true');
  });

  test('dense by default; the large and compact views are toggles, and remembered', async ({
    page,
  }) => {
    await page.goto('/');
    await imagine(page, 'a small cottage --seed 6');
    const job = card(page, 'a small cottage --seed 6');
    await expect(job).toContainText('Done', { timeout: 30_000 });
    // Dense by default: at least two cards side by side; the large view is one column.
    const dense = (await job.boundingBox())!.width;
    const large = page.getByRole('button', { name: 'Large view' });
    await expect(large).toHaveAttribute('aria-pressed', 'false');
    await large.click();
    await expect(large).toHaveAttribute('aria-pressed', 'true');
    const full = (await job.boundingBox())!.width;
    expect(dense).toBeLessThan(full * 0.6);
    const toggle = page.getByRole('button', { name: 'Compact view' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await page.reload();
    await expect(page.getByRole('button', { name: 'Compact view' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    const compact = (await card(page, 'a small cottage --seed 6').boundingBox())!.width;
    expect(compact).toBeLessThan(full / 2);
  });
});

test.describe('failures the card can fix', () => {
  test('a refused task: said as a refusal, Edit and retry puts the request back; any card can be dismissed with Undo', async ({
    page,
    requests,
  }) => {
    await page.goto('/');
    const prompt = 'https://example.com/fox.png a red fox --ar 3:2 --stylize 200 --foo 3';
    const box = page.getByRole('textbox', { name: 'Prompt', exact: true });
    await box.fill(prompt);
    await page.getByRole('button', { name: 'Send anyway' }).click();
    // Titled with the link's short name, never the whole link.
    const job = card(page, 'example.com/fox.png a red fox --ar 3:2 --stylize 200 --foo 3');
    const alert = job.getByRole('alert');
    await expect(alert).toContainText('Request refused · bad_request');
    await expect(alert).not.toContainText('HTTP 200');
    // Resending the same request cannot help: no Retry, but Edit and retry.
    await expect(alert.getByRole('button', { name: 'Retry', exact: true })).toHaveCount(0);
    await box.fill('something else');
    await alert.getByRole('button', { name: 'Edit and retry' }).click();
    // The old prompt's link goes back as a thumbnail; the box holds the words and parameters.
    await expect(box).toHaveValue('a red fox --ar 3:2 --stylize 200 --foo 3');
    await expect(box).toBeFocused();
    await expect(
      page.getByRole('list', { name: 'Reference images' }).getByRole('listitem'),
    ).toHaveCount(1);
    // Sent again, it is the same request: the link first, then the words.
    await page.getByRole('button', { name: 'Send anyway' }).click();
    await expect
      .poll(() => requests.filter((r) => r.url.endsWith('/midjourney/imagine')))
      .toHaveLength(2);
    const again = requests.filter((r) => r.url.endsWith('/midjourney/imagine'))[1]!;
    expect(JSON.parse(again.body!).prompt).toBe(prompt);

    // The × says what it does: it deletes, from the studio and the history, with Undo.
    await expect(page.getByRole('article')).toHaveCount(2);
    await job.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(page.getByRole('article')).toHaveCount(1);
    await expect(page.getByText('Deleted from the studio and the history.')).toBeVisible();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByRole('article')).toHaveCount(2);
    await expect(job).toContainText('Request refused · bad_request');
  });

  test('a stalled card keeps Cancel, and Check again says what it found and when', async ({
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
    await imagine(page, 'a quiet job --seed 7');
    const job = card(page, 'a quiet job --seed 7');
    await expect(job).toContainText('Generating');
    await page.clock.fastForward('08:00');
    await expect(job).toContainText('Stalled', { timeout: 20_000 });
    await expect(job.getByRole('button', { name: 'Cancel' })).toBeVisible();
    await job.getByRole('button', { name: 'Check again' }).click();
    await expect(job.getByRole('status')).toContainText(
      /Still no news from the service at \d{1,2}:\d{2}/,
    );
    await job.getByRole('button', { name: 'Cancel' }).click();
    await expect(job).toContainText('Cancelled');
  });

  test('a job keeps its target: its card names it once Settings point elsewhere', async ({
    page,
    baseURL,
  }) => {
    const proxied = `http://127.0.0.1:${Number(new URL(baseURL!).port) + 1}`;
    // A kept-alive connection the server closes as idle can meet this POST on its way (read
    // ECONNRESET): the admin call is made again once, on a new connection.
    const pace = (ms: number) => {
      const send = () =>
        page.request.post(`${proxied}/__engine/pace`, {
          data: { ms },
          headers: { ...ADMIN, authorization: `Bearer ${PROXY_TOKEN}`, connection: 'close' },
        });
      return send().catch(send);
    };
    await pace(400);
    try {
      await page.goto('/');
      await configure(page, { target: 'AceData via studio pass-through', token: PROXY_TOKEN });
      await imagine(page, 'a far away job --seed 8');
      const job = card(page, 'a far away job --seed 8');
      await expect(job).toContainText('Generating');
      await expect(job).not.toContainText('Sent to');
      await configure(page, { target: 'Local engine' });
      await expect(job).toContainText('Sent to AceData (via studio)');
      await pace(20);
      await expect(job.getByRole('button', { name: 'U1', exact: true })).toBeVisible({
        timeout: 30_000,
      });
    } finally {
      await pace(40);
    }
  });
});
