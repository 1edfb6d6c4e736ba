import type { Page } from '@playwright/test';
import { chromiumArgs, findChromium } from '../test-support/chromium';
import { test, expect, imagine, card, armFault } from './fixtures';

// Every lazy part must survive a dropped request without a reload. Recent Chromium fetches a
// module again after its fetch failed; older Chromium (Debian's 150) answers it with the same
// failure for the life of the page, and so does any importer of it. This switch gives this
// Chromium the old behaviour, so the spec shows the failure whatever the browser's version.
test.use({
  launchOptions: {
    executablePath: findChromium(),
    args: chromiumArgs(['ModuleMapDoNotCacheFailedFetch']),
  },
  // page.route does not see requests a service worker handles: keep every request in view.
  serviceWorkers: 'block',
  permissions: ['clipboard-read', 'clipboard-write'],
});

/** The scripts and styles the page starts with (index.html's own): not lazy, never dropped. */
async function entryFiles(page: Page): Promise<Set<string>> {
  const html = await (await page.request.get('/')).text();
  return new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!));
}

/**
 * Drops the first request for each lazy script and stylesheet, as a flaky network would; later
 * requests for the same file go through. Gives the paths of the files dropped so far.
 */
async function dropFirstRequests(page: Page): Promise<string[]> {
  const entry = await entryFiles(page);
  const dropped: string[] = [];
  await page.route(/\/assets\/[^/?]+\.(js|css)(\?.*)?$/, (route) => {
    const { pathname } = new URL(route.request().url());
    if (entry.has(pathname) || dropped.includes(pathname)) return route.continue();
    dropped.push(pathname);
    return route.abort('internetdisconnected');
  });
  return dropped;
}

/** Fails every request for the files that match `file` until `release()` is called. */
async function blockUntilReleased(page: Page, file: RegExp) {
  let blocked = true;
  const seen: string[] = [];
  await page.route(file, (route) => {
    seen.push(new URL(route.request().url()).pathname);
    return blocked ? route.abort('internetdisconnected') : route.continue();
  });
  return {
    seen,
    release: () => {
      blocked = false;
    },
  };
}

/** The lazily loaded files (by chunk name) among `paths`. */
function chunks(paths: string[]): string[] {
  return paths.map((p) => p.replace(/^\/assets\/|-[\w-]{8}\.(js|css)$/g, ''));
}

const promptBox = (page: Page) => page.getByRole('textbox', { name: 'Prompt', exact: true });
const banner = (page: Page) => page.getByRole('banner');

test.describe('every lazy part survives a dropped request, with no reload', () => {
  test('the studio starts; the prompt check, the prompt tools and the parameters load', async ({
    page,
  }) => {
    const dropped = await dropFirstRequests(page);
    await page.goto('/');
    // The language's words and the words of the studio's messages were each dropped once before the paint.
    await expect(promptBox(page)).toBeVisible();
    await promptBox(page).fill('a kite --foo');
    await expect(page.getByRole('list', { name: 'Prompt check' })).toContainText('--foo');
    await expect(page.getByRole('button', { name: 'Shorten prompt' })).toBeVisible();
    await page.getByText('Parameters', { exact: true }).click();
    await expect(page.getByText('Custom ratio (W:H)')).toBeVisible();
    expect(chunks(dropped)).toEqual(
      expect.arrayContaining([
        'catalog-en',
        'core-words',
        'batch-lint',
        'prompt-tools',
        'parameters-panel',
      ]),
    );
  });

  test('a grid: its error, full size, image tools, copy as code, Vary Region and Edit image', async ({
    page,
  }) => {
    const dropped = await dropFirstRequests(page);
    await page.goto('/');
    // A 429 waits (its notice is a lazy part); a gateway asking for a long wait leaves it on screen.
    await armFault(page, { status: 429, code: 'too_many_requests' });
    await page.route('**/midjourney/imagine', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'retry-after': '120' } });
    });
    const prompt = 'a lighthouse on a rock --seed 1801';
    await imagine(page, prompt);
    const grid = card(page, prompt);
    const waiting = grid.getByRole('alert');
    await expect(waiting).toContainText('Too many requests');
    await waiting.getByRole('button', { name: 'Retry now' }).click();
    await expect(grid.getByRole('button', { name: 'U1', exact: true })).toBeVisible();
    // A failure's details are a lazy part of their own.
    await page.unroute('**/midjourney/imagine');
    await armFault(page, { status: 500, message: 'fetch failed' });
    const failing = 'a lamp in the fog --seed 1802';
    await imagine(page, failing);
    const alert = card(page, failing).getByRole('alert');
    await expect(alert).toContainText('Service error');
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(
      card(page, failing).getByRole('button', { name: 'U1', exact: true }),
    ).toBeVisible();

    await grid.getByRole('button', { name: 'Open full size' }).click();
    const lightbox = page.getByRole('dialog', { name: 'Full size' });
    await expect(lightbox.getByRole('img')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(lightbox).toBeHidden();

    await grid.getByRole('button', { name: 'Get seed' }).click();
    await expect(grid.getByText('Seed: 1801')).toBeVisible();

    await grid.getByText('Copy as code').click();
    await grid.getByRole('button', { name: 'curl' }).click();
    await expect(grid.getByRole('button', { name: 'curl' })).toContainText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('curl');

    await grid.getByRole('button', { name: 'U1', exact: true }).click();
    const upscaled = page.getByRole('article').filter({ hasText: 'U1 of' }).first();
    await upscaled.getByRole('button', { name: 'Vary (Region)' }).click();
    const region = page.getByRole('dialog', { name: 'Vary Region' });
    await expect(region.getByRole('button', { name: 'Submit region' })).toBeVisible();
    await region.getByRole('button', { name: 'Close' }).first().click();
    await expect(region).toBeHidden();

    await upscaled.getByRole('button', { name: 'Edit image' }).click();
    await expect(page.getByRole('dialog', { name: 'Edit image' })).toBeVisible();
    expect(chunks(dropped)).toEqual(
      expect.arrayContaining([
        'rate-limit-notice',
        'job-error',
        'lightbox',
        'image-tools',
        'endpoints-client',
        'copy-as-code',
        'mask-editor-dialog',
        'edit-dialog',
      ]),
    );
  });

  test('History, Settings, Chinese and the keyboard shortcuts', async ({ page }) => {
    const dropped = await dropFirstRequests(page);
    await page.goto('/');
    await page.getByRole('button', { name: 'History', exact: true }).click();
    await expect(
      page
        .getByRole('region', { name: 'History' })
        .getByRole('searchbox', { name: 'Search prompts' }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Studio', exact: true }).click();

    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();

    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await settings.getByRole('combobox', { name: 'Language' }).selectOption({ label: '简体中文' });
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('dialog', { name: '设置' })).toBeVisible();
    expect(chunks(dropped)).toEqual(
      expect.arrayContaining([
        'history-view',
        'query-client',
        'shortcuts-dialog',
        'settings-dialog',
        'catalog-zh-cn',
      ]),
    );
  });

  test('Animate and its clips', async ({ page }) => {
    // Encoding the clips is real work (a few seconds of CPU on a shared machine).
    test.setTimeout(240_000);
    const dropped = await dropFirstRequests(page);
    await page.goto('/');
    const prompt = 'a windmill in a field --seed 1802';
    await imagine(page, prompt);
    await card(page, prompt).getByRole('button', { name: 'U2', exact: true }).click();
    const upscaled = page.getByRole('article').filter({ hasText: 'U2 of' }).first();
    await upscaled.getByRole('button', { name: 'Animate' }).click({ timeout: 60_000 });
    const dialog = page.getByRole('dialog', { name: 'Animate' });
    await dialog.getByLabel('Resolution').selectOption('480p');
    await dialog.getByRole('button', { name: 'Animate' }).click();
    await expect(dialog).toBeHidden();
    const clips = page.getByRole('article').filter({ hasText: 'Animate of' }).first();
    await expect(clips.getByRole('button', { name: 'Play clip 4' })).toBeVisible({
      timeout: 180_000,
    });
    expect(chunks(dropped)).toEqual(
      expect.arrayContaining(['animate-dialog', 'client-videos', 'video-card']),
    );
  });
});

test.describe('a part that cannot load says so in place, and Retry loads it', () => {
  test('Settings: "Couldn\'t load Settings", then Retry once the network passes', async ({
    page,
  }) => {
    await page.goto('/');
    const settingsChunk = await blockUntilReleased(page, /\/assets\/settings-dialog-[\w-]+\.js/);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const failed = page.getByRole('alert').filter({ hasText: "Couldn't load Settings." });
    await expect(failed).toBeVisible({ timeout: 30_000 });
    await expect(banner(page)).toBeVisible();
    await expect(promptBox(page)).toBeVisible();
    expect(settingsChunk.seen.length).toBeGreaterThan(0);

    settingsChunk.release();
    await failed.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
    await expect(failed).toBeHidden();
  });

  test('the start: "Couldn\'t load Imagine Studio" in both languages, then the studio once its words come', async ({
    page,
  }) => {
    const words = await blockUntilReleased(page, /\/assets\/catalog-en-[\w-]+\.js/);
    await page.goto('/');
    await expect(page.getByText("Couldn't load Imagine Studio. Retrying…")).toBeVisible({
      timeout: 30_000,
    });
    await expect(page.getByText('无法加载 Imagine Studio，正在重试…')).toBeVisible();
    words.release();
    await expect(promptBox(page)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText("Couldn't load Imagine Studio.")).toHaveCount(0);
  });

  test('Chinese: "Couldn\'t load 简体中文" under Language, then Retry switches', async ({
    page,
  }) => {
    await page.goto('/');
    const chinese = await blockUntilReleased(page, /\/assets\/catalog-zh-cn-[\w-]+\.js/);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    const language = settings.getByRole('combobox', { name: 'Language' });
    await language.selectOption({ label: '简体中文' });
    const failed = settings.getByRole('alert').filter({ hasText: "Couldn't load 简体中文." });
    await expect(failed).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(language).toHaveValue('en');

    chinese.release();
    await failed.getByRole('button', { name: 'Retry' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('dialog', { name: '设置' })).toBeVisible();
  });

  test('a shared chunk (the query client’s) never blanks the page; History and Settings load once it passes', async ({
    page,
  }) => {
    await page.goto('/');
    // The query library's core: History, Settings and the query client all import it.
    const shared = await blockUntilReleased(page, /\/assets\/retryer-[\w-]+\.js/);
    await page.getByRole('button', { name: 'History', exact: true }).click();
    const history = page.getByRole('alert').filter({ hasText: "Couldn't load the history." });
    await expect(history).toBeVisible({ timeout: 30_000 });
    await expect(banner(page)).toBeVisible();
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const settings = page.getByRole('alert').filter({ hasText: "Couldn't load Settings." });
    await expect(settings).toBeVisible({ timeout: 30_000 });
    await expect(banner(page)).toBeVisible();
    expect(shared.seen.length).toBeGreaterThan(0);

    shared.release();
    await settings.getByRole('button', { name: 'Retry' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await history.getByRole('button', { name: 'Retry' }).click();
    await expect(
      page
        .getByRole('region', { name: 'History' })
        .getByRole('searchbox', { name: 'Search prompts' }),
    ).toBeVisible();
  });
});
