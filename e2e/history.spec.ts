import { readFileSync, writeFileSync } from 'node:fs';
import { test, expect, imagine, card, expectAccessible } from './fixtures';

test.describe('history', () => {
  test('gallery, search, lineage, delete with undo, export and import', async ({ page }) => {
    await page.goto('/');
    await imagine(page, 'a copper kettle --seed 401');
    const kettle = card(page, 'a copper kettle --seed 401');
    await kettle.getByRole('button', { name: 'U3', exact: true }).click();
    await expect(page.getByRole('article').filter({ hasText: 'U3 of' })).toContainText('Done');
    await imagine(page, 'a glass teapot --seed 402');
    await expect(card(page, 'a glass teapot --seed 402')).toContainText('Done');

    await page.getByRole('button', { name: 'History' }).click();
    const history = page.getByRole('region', { name: 'History' });
    // One checkbox per tile ("Select <prompt>"), besides "Select all shown".
    const tiles = history.getByRole('checkbox', { name: /^Select (?!all shown)/ });
    await expect(tiles).toHaveCount(3);
    await expectAccessible(page, 'history');

    // Search narrows the gallery.
    await history.getByRole('searchbox', { name: 'Search prompts' }).fill('kettle');
    await expect(tiles).toHaveCount(2);

    // Lineage: the upscale is made from the kettle grid, and leads back to it.
    await history
      .getByRole('button', { name: /a copper kettle/ })
      .first()
      .click();
    const lineage = page.getByRole('complementary', { name: 'Lineage' });
    await expect(lineage).toBeVisible();
    const links = lineage.getByRole('button', { name: /a copper kettle|U3/ });
    expect(await links.count()).toBeGreaterThan(0);

    // Delete with undo.
    await history.getByRole('searchbox', { name: 'Search prompts' }).fill('');
    await history.getByRole('checkbox', { name: 'Select a glass teapot --seed 402' }).check();
    await history.getByRole('button', { name: 'Delete selected' }).click();
    await expect(tiles).toHaveCount(2);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(tiles).toHaveCount(3);

    // Export: a JSON file with every job and no token.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      history.getByRole('button', { name: 'Export history' }).click(),
    ]);
    const file = await download.path();
    const text = readFileSync(file, 'utf8');
    const parsed = JSON.parse(text) as { jobs: unknown[] };
    expect(parsed.jobs).toHaveLength(3);
    expect(text).not.toMatch(/local-engine|authorization|Bearer/i);

    // Import it into a fresh studio (another browser profile): the same three come back.
    const fresh = await page.context().browser()!.newContext();
    const other = await fresh.newPage();
    await other.goto(page.url());
    await other.getByRole('button', { name: 'History' }).click();
    await other.locator('input[type=file]').setInputFiles(file);
    await expect(other.getByText(/3 added|added 3/i)).toBeVisible();
    await expect(
      other
        .getByRole('region', { name: 'History' })
        .getByRole('checkbox', { name: /^Select (?!all shown)/ }),
    ).toHaveCount(3);
    await fresh.close();
  });

  test('two tabs stay consistent: a job made in one shows in the other', async ({ page }) => {
    await page.goto('/');
    const second = await page.context().newPage();
    await second.goto('/');
    await imagine(page, 'tab one lighthouse --seed 403');
    await imagine(second, 'tab two windmill --seed 404');
    for (const p of [page, second]) {
      await expect(card(p, 'tab one lighthouse --seed 403')).toContainText('Done', {
        timeout: 20_000,
      });
      await expect(card(p, 'tab two windmill --seed 404')).toContainText('Done', {
        timeout: 20_000,
      });
    }
    await second.close();
    await page.reload();
    await expect(page.getByRole('article')).toHaveCount(2);
  });

  test('an import shows its progress, and a reload mid-import leaves the history as it was', async ({
    page,
  }, testInfo) => {
    const job = (i: number) => ({
      id: `imported-${i}`,
      traceId: `trace-${i}`,
      request: { prompt: `an imported heron #${i}` },
      delivery: 'stream',
      status: 'done',
      progress: 100,
      result: { image_url: `http://127.0.0.1:9/${i}.png`, actions: [] },
      createdAt: 1_700_000_000_000 + i,
      updatedAt: 1_700_000_000_000 + i,
      attempts: 1,
    });
    const write = (name: string, count: number) => {
      const path = testInfo.outputPath(name);
      const jobs = Array.from({ length: count }, (_, i) => job(i));
      writeFileSync(path, JSON.stringify({ format: 'imagine-studio-history', version: 1, jobs }));
      return path;
    };
    await page.goto('/');
    await page.getByRole('button', { name: 'History' }).click();
    const history = page.getByRole('region', { name: 'History' });
    const input = page.locator('input[type=file]');
    await input.setInputFiles(write('small.json', 2));
    await expect(history.getByText(/2 added/)).toBeVisible();
    await expect(history.getByText('2 jobs', { exact: true })).toBeVisible();

    // A big file: the bar shows how far the import is; the page is reloaded while it writes.
    await input.setInputFiles(write('big.json', 20_000));
    const bar = history.getByRole('progressbar', { name: 'Importing history' });
    await expect(bar).toBeVisible();
    await expect(history.getByText(/Importing [\d,]+ of 20,000 jobs/)).toBeVisible();
    await page.reload();

    await expect(
      page.getByRole('status').filter({ hasText: 'import did not finish' }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'History' }).click();
    await expect(history.getByText('2 jobs', { exact: true })).toBeVisible();
    await expect(history.getByRole('progressbar')).toHaveCount(0);
  });
});
