import { readFileSync } from 'node:fs';
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
});
