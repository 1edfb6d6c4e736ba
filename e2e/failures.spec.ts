import {
  ADMIN,
  test,
  expect,
  imagine,
  card,
  armFault,
  configure,
  E2E_TOKEN,
  expectAccessible,
} from './fixtures';

test.describe('failures are shown on the card, in words, and nothing is lost', () => {
  test('an unknown parameter: warned before, refused by the service with its own words', async ({
    page,
  }) => {
    await page.goto('/');
    const prompt = 'a red fox --foo 3 --seed 51';
    await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill(prompt);
    await expect(page.getByRole('list', { name: 'Prompt check' })).toContainText(
      '--foo is not a Midjourney parameter',
    );
    // A sure refusal holds the paid call back; Send anyway is for those who know better.
    await expect(page.getByRole('button', { name: 'Imagine' })).toBeDisabled();
    await page.getByRole('button', { name: 'Send anyway' }).click();
    const job = card(page, prompt);
    const alert = job.getByRole('alert');
    await expect(alert).toContainText('bad_request');
    await expect(alert).toContainText('Unrecognized argument(s)');
    await expect(alert).toContainText('--foo');
    await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
    // The prompt is still there to fix.
    await expect(page.getByRole('textbox', { name: 'Prompt', exact: true })).toHaveValue(prompt);
  });

  test('HTTP 429 from the service: explained, provider text kept, Retry works', async ({
    page,
  }) => {
    await page.goto('/');
    await armFault(page, { status: 429, code: 'too_many_requests' });
    // A 429 now waits and goes again by itself; a gateway that asks for a long wait
    // (Retry-After, which the engine's injected 429 does not send) leaves time to read it.
    await page.route('**/midjourney/imagine', async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers(), 'retry-after': '120' };
      await route.fulfill({ response, headers });
    });
    await imagine(page, 'a busy street --seed 52');
    const job = card(page, 'a busy street --seed 52');
    const alert = job.getByRole('alert');
    await expect(alert).toContainText('Too many requests');
    await expect(alert).toContainText('You have exceeded the rate limit.');
    await expect(alert).toContainText('HTTP 429');
    await expectAccessible(page, 'error');
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(job.getByRole('button', { name: 'U1', exact: true })).toBeVisible();
  });

  test('a stream dropped at 40% is recovered through the tasks endpoint', async ({
    page,
    requests,
  }) => {
    await page.goto('/');
    await armFault(page, { drop_at: 40 });
    await imagine(page, 'a falling star --seed 53');
    const job = card(page, 'a falling star --seed 53');
    await expect(job.getByRole('button', { name: 'U4', exact: true })).toBeVisible({
      timeout: 30_000,
    });
    expect(requests.some((r) => r.url.endsWith('/midjourney/tasks'))).toBe(true);
    // One submission only: recovery never spends a second credit.
    expect(requests.filter((r) => r.url.endsWith('/midjourney/imagine'))).toHaveLength(1);
  });

  test('a malformed line mid-stream does not lose the job', async ({ page }) => {
    await page.goto('/');
    await armFault(page, { malformed: true });
    await imagine(page, 'a glitchy signal --seed 54');
    await expect(
      card(page, 'a glitchy signal --seed 54').getByRole('button', { name: 'U1', exact: true }),
    ).toBeVisible({
      timeout: 30_000,
    });
  });

  test('a token the engine refuses: the card says so and points to Settings', async ({ page }) => {
    await page.request.post('/__engine/token', {
      headers: ADMIN,
      data: { token: 'the-right-one' },
    });
    try {
      await page.goto('/');
      await configure(page, { token: E2E_TOKEN });
      await imagine(page, 'a locked door --seed 55');
      const alert = card(page, 'a locked door --seed 55').getByRole('alert');
      await expect(alert).toContainText('Token refused');
      await expect(alert).toContainText('invalid_token');
      await expect(alert).toContainText('The specified token is invalid or wrong.');
      await alert.getByRole('button', { name: 'Open Settings' }).click();
      const settings = page.getByRole('dialog', { name: 'Settings' });
      await expect(settings).toBeVisible();
      await settings.getByRole('button', { name: 'Test connection' }).click();
      await expect(settings.getByRole('status')).toContainText('Token refused');
      await expectAccessible(page, 'settings');
    } finally {
      // Admin needs the engine's token while one is set.
      await page.request.post('/__engine/token', {
        data: { token: null },
        headers: { ...ADMIN, authorization: 'Bearer the-right-one' },
      });
    }
  });
});
