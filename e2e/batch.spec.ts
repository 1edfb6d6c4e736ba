import { test, expect, expectAccessible } from './fixtures';
import type { Page } from '@playwright/test';
import type { SeenRequest } from './fixtures';

/** The prompts the page sent to imagine, in order. */
const sentPrompts = (requests: SeenRequest[]) =>
  requests
    .filter((r) => r.url.endsWith('/midjourney/imagine') && r.method === 'POST')
    .map((r) => (JSON.parse(r.body!) as { prompt: string }).prompt);

const promptBox = (page: Page) => page.getByRole('textbox', { name: 'Prompt', exact: true });

test.describe('permutations and repeat', () => {
  test('a {red, blue} bird --repeat 2 lists 4 prompts and their cost, then makes 4 cards in one batch', async ({
    page,
    requests,
  }) => {
    await page.goto('/');
    await promptBox(page).fill('a {red, blue} bird --repeat 2');
    const preview = page.getByRole('region', { name: 'Prompts that will be sent' });
    await expect(preview.getByRole('listitem')).toHaveText([
      /^a red bird×1/,
      /^a red bird×1/,
      /^a blue bird×1/,
      /^a blue bird×1/,
    ]);
    await expect(preview).toContainText('4 jobs from this prompt');
    await expect(preview).toContainText('relative cost ×4');
    // Imagine says what it will spend, beside it and as its description.
    const imagineButton = page.getByRole('button', { name: 'Imagine', exact: true });
    await expect(imagineButton).toHaveAccessibleDescription(/^Relative cost ×4/);
    await expectAccessible(page, 'batch preview');
    expect(sentPrompts(requests)).toEqual([]);

    await imagineButton.click();
    // Four jobs need no confirmation.
    await expect(page.getByRole('dialog')).toHaveCount(0);
    const batchCards = page.getByRole('article').filter({ hasText: 'Batch of 4' });
    await expect(batchCards).toHaveCount(4);
    for (const c of await batchCards.all()) await expect(c).toContainText('Done');
    expect(sentPrompts(requests).sort()).toEqual([
      'a blue bird',
      'a blue bird',
      'a red bird',
      'a red bird',
    ]);
    // Each action button says what it would spend.
    const u1 = batchCards.first().getByRole('button', { name: 'U1', exact: true });
    await expect(u1).toHaveAttribute('data-cost', '≈×1');
    await expect(u1).toHaveAccessibleDescription(/Relative cost ×1/);

    // The link goes from a card to the next of its batch.
    const first = batchCards.filter({ hasText: '1/4' });
    await first.getByRole('button', { name: /Batch of 4/ }).click();
    await expect(batchCards.filter({ hasText: '2/4' })).toBeFocused();

    // Kept on the records: after a reload the batch and its cost are still there.
    await page.reload();
    await expect(page.getByRole('article').filter({ hasText: 'Batch of 4' })).toHaveCount(4);
    await page.getByRole('button', { name: 'History' }).click();
    await expect(
      page
        .getByRole('region', { name: 'History' })
        .getByText(/^Relative cost of finished jobs, per day: [^·]+ ×4$/),
    ).toBeVisible();
  });

  test('more than 4 jobs asks first; Escape sends nothing, Send sends them all', async ({
    page,
    requests,
  }) => {
    await page.goto('/');
    await promptBox(page).fill('a {red, blue, gold, grey, teal} bird');
    await promptBox(page).press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Send 5 jobs?' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Send 5 jobs' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect(sentPrompts(requests)).toEqual([]);

    await promptBox(page).press('Enter');
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('article').filter({ hasText: 'Batch of 5' })).toHaveCount(5);
    await expect.poll(() => sentPrompts(requests).length).toBe(5);
  });

  test('a malformed brace or a repeat over 40 is refused before anything is spent', async ({
    page,
    requests,
  }) => {
    await page.goto('/');
    const check = page.getByRole('list', { name: 'Prompt check' });
    await promptBox(page).fill('a {red, blue bird');
    await expect(check).toContainText('is never closed');
    await promptBox(page).press('Enter');
    await promptBox(page).fill('a bird --repeat 41');
    await expect(check).toContainText('--repeat 41 is over 40');
    await expect(page.getByRole('button', { name: 'Imagine', exact: true })).toBeDisabled();
    await promptBox(page).press('Enter');
    expect(sentPrompts(requests)).toEqual([]);
  });
});
