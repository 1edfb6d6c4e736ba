import { ADMIN, test, expect, imagine, card, expectAccessible } from './fixtures';

test.describe('the creative loop', () => {
  test('prompt → live preview → grid → U2 → Zoom Out 2x → V1, each linked to its parent', async ({
    page,
  }) => {
    await page.goto('/');
    await expectAccessible(page, 'empty');
    await page.request.post('/__engine/pace', { headers: ADMIN, data: { ms: 250 } });

    const prompt = 'a lighthouse on a cliff at dusk --seed 7';
    await imagine(page, prompt);
    const first = card(page, prompt);
    await expect(first).toBeVisible();

    // The progress bar rises and the preview is replaced in place at least twice.
    const bar = first.getByRole('progressbar', { name: 'Generation progress' });
    const seenProgress = new Set<string>();
    const seenPreviews = new Set<string>();
    await expect(async () => {
      const now = await bar.getAttribute('aria-valuenow').catch(() => null);
      if (now) seenProgress.add(now);
      const src = await first
        .locator('img.preview')
        .getAttribute('src', { timeout: 100 })
        .catch(() => null);
      if (src) seenPreviews.add(src);
      expect(seenPreviews.size).toBeGreaterThanOrEqual(2);
    }).toPass({ intervals: [50], timeout: 20_000 });
    await expectAccessible(page, 'generating');
    expect(seenProgress.size).toBeGreaterThanOrEqual(2);
    const box = await first.locator('.job-image').boundingBox();

    await expect(first.getByRole('button', { name: 'U2' })).toBeVisible({ timeout: 20_000 });
    // The box was sized to the aspect before the first pixel: the final image did not move it.
    const after = await first.locator('.job-image').boundingBox();
    expect(Math.round(after!.height)).toBe(Math.round(box!.height));
    await page.request.post('/__engine/pace', { headers: ADMIN, data: { ms: 30 } });
    await expectAccessible(page, 'grid');
    for (const name of ['U1', 'U3', 'U4', 'V1', 'V2', 'V3', 'V4', 'Reroll'])
      await expect(first.getByRole('button', { name, exact: true })).toBeVisible();

    await first.getByRole('button', { name: 'U2', exact: true }).click();
    const upscaled = page.getByRole('article').filter({ hasText: 'U2 of' }).first();
    for (const name of [
      'Upscale 2x',
      'Upscale 4x',
      'Vary (Subtle)',
      'Vary (Strong)',
      'Vary (Region)',
      'Zoom Out 2x',
      'Zoom Out 1.5x',
      'Pan Left',
      'Pan Right',
      'Pan Up',
      'Pan Down',
    ])
      await expect(upscaled.getByRole('button', { name, exact: true })).toBeVisible();
    await expectAccessible(page, 'upscaled');

    // Full size: the raw image (1024² for an upscale) in a lightbox that Escape closes.
    await upscaled.getByRole('button', { name: 'Open full size' }).first().click();
    const lightbox = page.getByRole('dialog', { name: 'Full size' });
    const raw = lightbox.getByRole('img');
    await expect(raw).toBeVisible();
    await expect.poll(() => raw.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1024);
    await page.keyboard.press('Escape');
    await expect(lightbox).toBeHidden();

    await upscaled.getByRole('button', { name: 'Zoom Out 2x' }).click();
    const zoomed = page.getByRole('article').filter({ hasText: 'Zoom Out 2x of' }).first();
    await expect(zoomed.getByRole('button', { name: 'V1', exact: true })).toBeVisible();
    await zoomed.getByRole('button', { name: 'V1', exact: true }).click();

    const varied = page.getByRole('article').filter({ hasText: 'V1 of' }).first();
    await expect(varied.getByRole('button', { name: 'U1', exact: true })).toBeVisible();
    // Newest first, and the provenance link leads to the parent.
    await expect(page.getByRole('article').first()).toContainText('V1 of');
    await varied.getByRole('link').click();
    await expect(zoomed).toBeFocused();
  });

  test('keyboard on a focused card: 1–4 pick a quadrant, U upscales it, R rerolls', async ({
    page,
  }) => {
    await page.goto('/');
    await imagine(page, 'keyboard cat --seed 3');
    const first = card(page, 'keyboard cat --seed 3');
    await expect(first.getByRole('button', { name: 'U3', exact: true })).toBeVisible();
    // Hold on to this very card: the upscale's card will carry the same prompt as its name.
    const grid = page.locator(`[id="${await first.getAttribute('id')}"]`);
    await grid.focus();
    await page.keyboard.press('3');
    await expect(grid.getByRole('button', { name: 'Quadrant 3' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await page.keyboard.press('u');
    await expect(page.getByRole('article').filter({ hasText: 'U3 of' })).toHaveCount(1);
    await grid.focus();
    await page.keyboard.press('r');
    await expect(page.getByRole('article').filter({ hasText: 'Reroll of' })).toHaveCount(1);
  });
});

test('at phone width the composer sits on top, buttons wrap and nothing scrolls sideways', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await imagine(
    page,
    'a narrow street at night, a very long prompt that goes on and on --ar 9:16 --seed 71',
  );
  const grid = card(page, /a narrow street at night/);
  await grid.getByRole('button', { name: 'U1', exact: true }).click();
  const upscaled = page.getByRole('article').filter({ hasText: 'U1 of' }).first();
  await expect(upscaled.getByRole('button', { name: 'Pan Down' })).toBeVisible();
  const composer = await page.getByRole('region', { name: 'Composer' }).boundingBox();
  const feed = await page.getByRole('region', { name: 'Feed' }).boundingBox();
  expect(composer!.y + composer!.height).toBeLessThanOrEqual(feed!.y);
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  // The composer folds away to give the pictures the screen, and comes back with the prompt kept.
  await page.getByRole('button', { name: 'Hide composer' }).click();
  await expect(page.getByRole('textbox', { name: 'Prompt', exact: true })).toBeHidden();
  await page.getByRole('button', { name: 'Show composer' }).click();
  await expect(page.getByRole('textbox', { name: 'Prompt', exact: true })).toHaveValue(
    /a narrow street/,
  );
  await page.screenshot({ path: test.info().outputPath('phone-upscaled.png'), fullPage: true });
});
