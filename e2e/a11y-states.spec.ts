import type { CDPSession, Page } from '@playwright/test';
import { ADMIN, test, expect, imagine, card, expectAccessible, openAdvanced } from './fixtures';

/**
 * axe in the hover and focus states, not only at rest. The states are forced through the
 * DevTools protocol (what the Elements panel's ":hov" does), so every button, link and summary on
 * the page is checked at once in each state; one spec also hovers for real with the mouse.
 */

/** Everything a person can hover or focus to act. */
const INTERACTIVE = 'button, a[href], summary, [role="button"]';

async function cdpFor(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  return cdp;
}

/** Forces `states` on every interactive element now on the page; returns how many. */
async function force(cdp: CDPSession, states: string[]): Promise<number> {
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', {
    nodeId: root.nodeId,
    selector: INTERACTIVE,
  });
  for (const nodeId of nodeIds)
    await cdp.send('CSS.forcePseudoState', { nodeId, forcedPseudoClasses: states });
  return nodeIds.length;
}

/** axe with every interactive element hovered, then focused (as by keyboard), then at rest. */
async function expectAccessibleInStates(page: Page, where: string): Promise<void> {
  const cdp = await cdpFor(page);
  try {
    expect(await force(cdp, ['hover']), `interactive elements in ${where}`).toBeGreaterThan(0);
    await expectAccessible(page, `${where}, hovered`);
    await force(cdp, ['focus', 'focus-visible', 'focus-within']);
    await expectAccessible(page, `${where}, focused`);
    await force(cdp, ['hover', 'focus', 'focus-visible', 'active']);
    await expectAccessible(page, `${where}, hovered and pressed with focus`);
  } finally {
    await force(cdp, []).catch(() => 0);
    await cdp.detach();
  }
}

test.describe('accessibility in hover and focus states', () => {
  // axe runs three times per screen on a page with every element forced: slower than one pass.
  test.describe.configure({ timeout: 120_000 });
  test('the Imagine button keeps its contrast under the mouse and with keyboard focus', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill('a red kite --seed 3');
    const button = page.getByRole('button', { name: 'Imagine', exact: true });
    const rest = await button.evaluate((el) => getComputedStyle(el).backgroundColor);
    await button.hover();
    // The hover style is what is being checked: make sure it is on before asking axe.
    await expect
      .poll(() => button.evaluate((el) => getComputedStyle(el).backgroundColor))
      .not.toBe(rest);
    await expectAccessible(page, 'Imagine hovered');
    await page.mouse.move(0, 0);
    await button.focus();
    await expect(button).toBeFocused();
    await expectAccessible(page, 'Imagine focused by keyboard');
    await expectAccessibleInStates(page, 'the composer');
  });

  test('every kind of button on the feed: grid U/V, upscale actions, chips, links, ghost and primary', async ({
    page,
  }) => {
    await page.goto('/');
    await imagine(page, 'a paper boat --seed 17');
    const grid = card(page, 'a paper boat --seed 17');
    await grid.getByRole('button', { name: 'U1', exact: true }).click();
    const upscaled = page.getByRole('article').filter({ hasText: 'U1 of' }).first();
    await expect(upscaled.getByRole('button', { name: 'Vary (Region)' })).toBeVisible();
    // The provenance link back to the grid is one of the links checked.
    await expect(upscaled.getByRole('link')).toHaveCount(1);
    await expectAccessibleInStates(page, 'the feed');

    // A running job's ghost Cancel button, while it is there.
    await page.request.post('/__engine/pace', { headers: ADMIN, data: { ms: 400 } });
    await imagine(page, 'a slow snail --seed 18');
    await expect(
      card(page, 'a slow snail --seed 18').getByRole('button', { name: 'Cancel' }),
    ).toBeVisible();
    await expectAccessibleInStates(page, 'a running job');
  });

  test('the mask editor’s tool buttons', async ({ page }) => {
    await page.goto('/');
    await imagine(page, 'a quiet harbour --seed 19');
    await card(page, 'a quiet harbour --seed 19')
      .getByRole('button', { name: 'U2', exact: true })
      .click();
    const upscaled = page.getByRole('article').filter({ hasText: 'U2 of' }).first();
    await upscaled.getByRole('button', { name: 'Vary (Region)' }).click();
    const editor = page.getByRole('dialog', { name: 'Vary Region' });
    await expect(editor.getByRole('button', { name: 'Brush' })).toBeVisible();
    await expectAccessibleInStates(page, 'the mask editor');
  });

  test('Settings and History', async ({ page }) => {
    await page.goto('/');
    await imagine(page, 'a quiet harbour --seed 19');
    await expect(card(page, 'a quiet harbour --seed 19')).toContainText('Done');
    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await expect(settings).toBeVisible();
    await openAdvanced(settings);
    await expectAccessibleInStates(page, 'Settings');
    await settings.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('button', { name: 'History' }).click();
    const history = page.getByRole('region', { name: 'History' });
    await expect(history.getByRole('checkbox', { name: /^Select (?!all shown)/ })).toHaveCount(1);
    await expectAccessibleInStates(page, 'History');
  });
});
