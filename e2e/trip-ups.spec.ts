import type { Page } from '@playwright/test';
import {
  test,
  expect,
  imagine,
  card,
  expectAccessible,
  openAdvanced,
  type SeenRequest,
} from './fixtures';

/** The prompts the page sent to the imagine endpoint, in order. */
function imaginePrompts(requests: SeenRequest[]): string[] {
  return requests
    .filter((r) => r.method === 'POST' && new URL(r.url).pathname.endsWith('/midjourney/imagine'))
    .map((r) => (JSON.parse(r.body ?? '{}') as { prompt?: string }).prompt ?? '');
}

function promptBox(page: Page) {
  return page.getByRole('textbox', { name: 'Prompt', exact: true });
}

test.describe('checks before spending', () => {
  test('a sure refusal holds back the paid call (button and Enter); Send anyway sends it', async ({
    page,
    requests,
  }) => {
    await page.goto('/');
    const check = page.getByRole('list', { name: 'Prompt check' });
    const imagineButton = page.getByRole('button', { name: 'Imagine' });
    const refusals: [string, RegExp][] = [
      ['a moth --foo', /--foo is not a Midjourney parameter.*will refuse/],
      ['a moth --ar 99:1', /--ar 99:1 is beyond 4:1/],
      ['a moth --s 5000', /--s 5000 is outside 0–1000/],
      ['a moth --seed -1', /--seed -1 is outside 0–4294967295/],
    ];
    for (const [prompt, message] of refusals) {
      await promptBox(page).fill(prompt);
      await expect(check).toContainText(message);
      await expect(imagineButton).toBeDisabled();
      await expect(page.getByRole('button', { name: 'Send anyway' })).toBeVisible();
      await promptBox(page).press('Enter');
    }
    // The last one, sent on purpose: the only request of the lot.
    await page.getByRole('button', { name: 'Send anyway' }).click();
    await expect(card(page, 'a moth --seed -1')).toBeVisible();
    // (A resend of the same request by the runner's own retry would be fine; any other is not.)
    // A card shows as soon as the job is queued; the request event can come a moment later.
    await expect.poll(() => imaginePrompts(requests)).toContain('a moth --seed -1');
    expect(imaginePrompts(requests).filter((p) => p !== 'a moth --seed -1')).toEqual([]);
    await expect(page.getByRole('article')).toHaveCount(1);
  });

  test('the Stylize field shows the range from the table and does not take 5000 silently', async ({
    page,
  }) => {
    await page.goto('/');
    await promptBox(page).fill('a koi pond');
    await page.getByText('Parameters').click();
    const stylize = page.getByRole('spinbutton', { name: 'Stylize' });
    await expect(stylize).toHaveAttribute('placeholder', '0–1000, default 100');
    await expect(stylize).toHaveAttribute('max', '1000');
    await stylize.fill('5000');
    await expect(stylize).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Stylize takes 0–1000; 5000 is outside.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Imagine' })).toBeDisabled();
  });

  test('em and en dashes are read as --, the studio says so, and sends --', async ({
    page,
    requests,
  }) => {
    await page.goto('/');
    const prompt = 'a paper boat —ar 16:9 ——s 200 –c 5';
    await promptBox(page).fill(prompt);
    const check = page.getByRole('list', { name: 'Prompt check' });
    await expect(check).toContainText('Read “—ar” as “--ar”');
    await expect(check).toContainText('Read “——s” as “--s”');
    await expect(check).toContainText('Read “–c” as “--c”');
    await promptBox(page).press('Enter');
    await expect(page.getByRole('article')).toHaveCount(1);
    // A card shows as soon as the job is queued; the request event can come a moment later.
    await expect
      .poll(() => imaginePrompts(requests))
      .toContain('a paper boat --ar 16:9 --s 200 --c 5');
    expect(imaginePrompts(requests).filter((p) => /[–—]/.test(p))).toEqual([]);
  });

  test('Enter in an empty or blank prompt box sends nothing', async ({ page, requests }) => {
    await page.goto('/');
    await promptBox(page).fill('   ');
    await promptBox(page).press('Enter');
    await promptBox(page).fill('');
    await promptBox(page).press('Enter');
    await imagine(page, 'a tin robot --seed 71');
    await expect(card(page, 'a tin robot --seed 71')).toBeVisible();
    // A card shows as soon as the job is queued; the request event can come a moment later.
    await expect.poll(() => imaginePrompts(requests)).toContain('a tin robot --seed 71');
    expect(imaginePrompts(requests).filter((p) => p.trim() === '')).toEqual([]);
    await expect(page.getByRole('article')).toHaveCount(1);
  });
});

test.describe('settings that tell the truth', () => {
  test('Test connection says what it tested, and a saved token clears "needs a token"', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    const status = dialog.getByRole('status');
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expect(status).toHaveText('Local engine reachable; it needs no token.');

    // The pass-through is same-origin, so the token stays with the studio.
    await dialog.getByLabel('Target').selectOption({ label: 'AceData via studio pass-through' });
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expect(status).toHaveText('AceData (via studio) needs a token: paste it above first.');
    await dialog.getByLabel('API token').fill('some-token-3c1');
    await dialog.getByLabel('API token').blur();
    await expect(dialog).toContainText('Token kept for this browser session only.');
    await expect(status).not.toContainText('needs a token');
    await dialog.getByLabel('Target').selectOption({ label: 'Local engine' });
    await dialog.getByRole('button', { name: 'Forget token' }).click();
  });

  test('Stalled after is clamped with a message; a callback URL that is not one is refused', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    // The developer's fields sit under Advanced, closed at first.
    await expect(dialog.getByRole('spinbutton', { name: /Stalled after/ })).toBeHidden();
    await openAdvanced(dialog);
    const stall = dialog.getByRole('spinbutton', { name: /Stalled after/ });
    for (const [typed, clamped] of [
      ['0', '3'],
      ['-5', '3'],
      ['99999', '3600'],
    ]) {
      await stall.fill(typed!);
      await stall.blur();
      await expect(dialog.getByRole('alert')).toHaveText(
        `Stalled after takes 3–3600 seconds; ${typed} was set to ${clamped}.`,
      );
      await expect(stall).toHaveValue(clamped!);
    }

    const callback = dialog.getByRole('textbox', { name: 'Callback URL' });
    await callback.fill('not a url');
    await callback.blur();
    await expect(dialog.getByRole('alert').filter({ hasText: 'not a web address' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(dialog.getByRole('textbox', { name: 'Callback URL' })).toHaveValue('');
    await expect(dialog.getByRole('spinbutton', { name: /Stalled after/ })).toHaveValue('3600');
  });
});

test.describe('smaller things', () => {
  test('Parameters stays open after a visit to History, and Imagine stays in the window', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/');
    await page.getByText('Parameters', { exact: true }).click();
    await expect(page.getByLabel('Aspect ratio')).toBeVisible();
    await page.getByRole('button', { name: 'History', exact: true }).click();
    await page.getByRole('button', { name: 'Studio', exact: true }).click();
    await expect(page.getByLabel('Aspect ratio')).toBeVisible();
    const imagine = page.getByRole('button', { name: 'Imagine', exact: true });
    const box = (await imagine.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(900);
    await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill('a kite --seed 5');
    await imagine.click({ trial: true });
  });

  test('the Image URL placeholder fits its box, and a reference that fails says why', async ({
    page,
  }) => {
    await page.route('https://cdn.example.com/**', (route) => route.fulfill({ status: 404 }));
    await page.goto('/');
    const url = page.getByRole('textbox', { name: 'Image URL' });
    const fits = await url.evaluate((el: HTMLInputElement) => {
      const style = getComputedStyle(el);
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return ctx.measureText(el.placeholder).width <= room;
    });
    expect(fits, 'placeholder cut off').toBe(true);

    await promptBox(page).fill('a collage');
    await url.fill('https://cdn.example.com/gone.png');
    await page.getByRole('button', { name: 'Add image' }).click();
    const refs = page.getByRole('list', { name: 'Reference images' });
    await expect(refs.getByRole('listitem')).toHaveCount(1);
    await expect(
      page.getByText(/Reference 1 did not load: the link may have expired/),
    ).toBeVisible();
    await expect(refs.getByRole('img')).toHaveCount(0);
  });

  test('History: a failed tile keeps its date inside the tile', async ({ page }) => {
    await page.goto('/');
    await promptBox(page).fill('a moth at a lamp with a very long prompt --foo --seed 81');
    await page.getByRole('button', { name: 'Send anyway' }).click();
    await expect(page.getByRole('article').getByRole('alert')).toContainText('Unrecognized');
    await page.getByRole('button', { name: 'History' }).click();
    const history = page.getByRole('region', { name: 'History' });
    await expect(history.getByRole('button', { name: /a moth at a lamp/ })).toBeVisible();
    const tile = page
      .locator('.history-tile')
      .filter({ has: page.getByRole('button', { name: /a moth at a lamp/ }) });
    // The meta line under the picture: action, status and date, all inside the tile.
    const status = tile.getByText('failed', { exact: true }).last();
    await expect(status).toBeVisible();
    const right = async (l: typeof status) => {
      const b = (await l.boundingBox())!;
      return b.x + b.width;
    };
    const tileRight = await right(tile);
    expect(await right(status)).toBeLessThanOrEqual(tileRight + 0.5);
    expect(await right(tile.locator('time'))).toBeLessThanOrEqual(tileRight + 0.5);
  });

  test('mask editor: B, E, R, L pick tools (not while typing); Ctrl+Z works after Redo is used up', async ({
    page,
  }) => {
    await page.goto('/');
    await imagine(page, 'a quiet harbour --seed 91');
    const grid = card(page, 'a quiet harbour --seed 91');
    await grid.getByRole('button', { name: 'U2', exact: true }).click();
    const upscaled = page.getByRole('article').filter({ hasText: 'U2 of' }).first();
    await upscaled.getByRole('button', { name: 'Vary (Region)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Vary Region' });
    const tool = (name: string) => dialog.getByRole('button', { name, exact: true });
    await expect(tool('Brush')).toHaveAttribute('aria-pressed', 'true');

    for (const [key, name] of [
      ['e', 'Eraser'],
      ['r', 'Rectangle'],
      ['l', 'Lasso'],
      ['b', 'Brush'],
    ]) {
      await page.keyboard.press(key!);
      await expect(tool(name!)).toHaveAttribute('aria-pressed', 'true');
    }
    const regionPrompt = dialog.getByRole('textbox', { name: 'Region prompt' });
    await regionPrompt.press('End');
    await regionPrompt.press('e');
    await expect(tool('Brush')).toHaveAttribute('aria-pressed', 'true');
    await expect(regionPrompt).toHaveValue(/e$/);

    // One stroke, undone and redone with the buttons until Redo greys out.
    const canvas = dialog.getByRole('application', { name: 'Mask canvas' });
    const b = (await canvas.boundingBox())!;
    await page.mouse.move(b.x + b.width * 0.3, b.y + b.height * 0.5);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width * 0.6, b.y + b.height * 0.5, { steps: 8 });
    await page.mouse.up();
    const undo = tool('Undo');
    const redo = tool('Redo');
    await expect(undo).toBeEnabled();
    await undo.click();
    await redo.click();
    await expect(redo).toBeDisabled();
    await page.keyboard.press('Control+z');
    await expect(redo).toBeEnabled();
    await expect(undo).toBeDisabled();
    await page.keyboard.press('Control+Shift+z');
    await expect(undo).toBeEnabled();
  });

  test('Keyboard shortcuts: a header button and ?, not while typing; Escape closes', async ({
    page,
  }) => {
    await page.goto('/');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await promptBox(page).fill('what is this');
    await promptBox(page).press('?');
    await expect(promptBox(page)).toHaveValue('what is this?');
    await expect(help).toBeHidden();

    await promptBox(page).blur();
    await page.keyboard.press('?');
    await expect(help).toBeVisible();
    for (const text of ['Upscale the chosen quadrant', 'Reroll', 'New line', 'Lasso', 'Undo']) {
      await expect(help).toContainText(text);
    }
    await expectAccessible(page, 'keyboard shortcuts');
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();

    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await expect(help).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test('the header is one row, the composer one line until used, the newest result on the first screen', async ({
    page,
  }) => {
    await page.goto('/');
    const header = (await page.locator('header.app-header').boundingBox())!;
    expect(header.height).toBeLessThan(60);
    await expect(page.getByRole('button', { name: 'Keyboard shortcuts' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Settings' })).toBeInViewport();
    const tools = page.getByRole('group', { name: 'Prompt tools' });
    await expect(tools).toBeHidden();
    await promptBox(page).tap();
    await expect(tools).toBeVisible();
    await promptBox(page).fill('a snail on a leaf --seed 94');
    await page.getByRole('button', { name: 'Imagine' }).tap();
    await page.getByRole('region', { name: 'Feed' }).tap({ position: { x: 5, y: 5 } });
    await expect(tools).toBeHidden();
    const newest = card(page, 'a snail on a leaf --seed 94');
    await expect(newest).toContainText('Done');
    expect((await newest.boundingBox())!.y).toBeLessThan(844 / 2);
    await page.getByRole('button', { name: 'Settings' }).tap();
    await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
  });

  test('no Enter hint, and a tapped History tile opens its lineage in view', async ({ page }) => {
    await page.goto('/');
    await expect(promptBox(page)).toBeVisible();
    await expect(page.getByText('Enter to imagine · Shift+Enter for a new line')).toBeHidden();
    await promptBox(page).fill('a snail on a leaf --seed 93');
    await page.getByRole('button', { name: 'Imagine' }).tap();
    await expect(card(page, 'a snail on a leaf --seed 93')).toContainText('Done');

    await page.getByRole('button', { name: 'History' }).tap();
    const history = page.getByRole('region', { name: 'History' });
    await history.getByRole('button', { name: /a snail on a leaf/ }).tap();
    const lineage = page.getByRole('complementary', { name: 'Lineage' });
    await expect(lineage).toBeVisible();
    const box = (await lineage.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    await expect(lineage.getByRole('button', { name: 'Open in studio' })).toBeInViewport();
    await lineage.getByRole('button', { name: 'Close lineage' }).tap();
    await expect(lineage).toBeHidden();
  });
});
