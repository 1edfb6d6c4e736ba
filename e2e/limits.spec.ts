import { test, expect, imagine, card, armFault, ADMIN, openAdvanced } from './fixtures';

/**
 * The service's queues and limits, as a person meets them: a cap on jobs at once with the rest
 * queued in order, a 429 that waits as asked and goes again by itself, a moderation refusal that
 * is final, and a job called stalled only once the service's own 480 s are over.
 */

/** Opens Settings, sets one number field, and closes it. */
async function setNumber(page: import('@playwright/test').Page, name: RegExp, value: string) {
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await openAdvanced(dialog);
  const field = dialog.getByRole('spinbutton', { name });
  await field.fill(value);
  await field.blur();
  await expect(field).toHaveValue(value);
  await dialog.getByRole('button', { name: 'Close' }).click();
}

test('past the jobs-at-once cap, cards say Queued with their place, apart from the running one', async ({
  page,
  requests,
}) => {
  await page.goto('/');
  await setNumber(page, /Jobs at once/, '1');
  await page.request.post('/__engine/pace', { headers: ADMIN, data: { ms: 150 } });
  const prompts = ['first in line --seed 1701', 'second --seed 1702', 'third --seed 1703'];
  for (const prompt of prompts) await imagine(page, prompt);
  const [first, second, third] = prompts.map((p) => card(page, p));
  await expect(first!.locator('.status-chip')).toHaveText('Generating');
  await expect(second!.locator('.status-chip')).toHaveText('Queued · place 1');
  await expect(third!.locator('.status-chip')).toHaveText('Queued · place 2');
  // One at a time: while the first forms, nothing else was sent.
  expect(requests.filter((r) => r.url.endsWith('/midjourney/imagine'))).toHaveLength(1);

  await expect(second!.locator('.status-chip')).toHaveText('Generating', { timeout: 30_000 });
  await expect(third!.locator('.status-chip')).toHaveText('Queued · place 1');
  await expect(third!.getByRole('button', { name: 'U1', exact: true })).toBeVisible({
    timeout: 30_000,
  });
  expect(requests.filter((r) => r.url.endsWith('/midjourney/imagine'))).toHaveLength(3);
});

test('a 429 with Retry-After: the card says it is waiting, then it goes again by itself', async ({
  page,
}) => {
  await page.goto('/');
  // The gateway's answer when the rate limit is hit, as AceData words it, with Retry-After.
  const sent: number[] = [];
  await page.route('**/midjourney/imagine', async (route) => {
    sent.push(Date.now());
    if (sent.length > 1) return route.continue();
    await route.fulfill({
      status: 429,
      headers: { 'retry-after': '3' },
      json: {
        success: false,
        error: { code: 'too_many_requests', message: 'You have exceeded the rate limit.' },
      },
    });
  });
  const prompt = 'a busy gateway --seed 1704';
  await imagine(page, prompt);
  const job = card(page, prompt);
  await expect(job.locator('.status-chip')).toHaveText('Waiting (rate limit)');
  const notice = job.getByRole('alert');
  await expect(notice).toContainText('Too many requests');
  await expect(notice).toContainText('You have exceeded the rate limit.');
  await expect(notice).toContainText(
    'Waiting: the service asked to wait 3 s (Retry-After), so it is sent again by itself at',
  );
  await expect(job.getByRole('button', { name: 'U1', exact: true })).toBeVisible({
    timeout: 30_000,
  });
  expect(sent).toHaveLength(2);
  // Sent again only once the wait the service asked for was over.
  expect(sent[1]! - sent[0]!).toBeGreaterThanOrEqual(3000);
});

test('a moderation refusal is final: never sent again by itself, and Retry asks for another prompt', async ({
  page,
  requests,
}) => {
  await page.goto('/');
  await armFault(page, { status: 403, code: 'forbidden' });
  const prompt = 'something the moderators refuse --seed 1705';
  await imagine(page, prompt);
  const alert = card(page, prompt).getByRole('alert');
  await expect(alert).toContainText('Prompt blocked by moderation');
  await alert.getByRole('button', { name: 'Retry', exact: true }).click();
  await expect(alert).toContainText(
    "Change the prompt first: the service's moderators refused this one, and sending it again would only be refused again. Edit and retry puts it back in the composer.",
  );
  // Another job comes and goes meanwhile; the refused one was sent once, and only once.
  await imagine(page, 'something else --seed 1706');
  await expect(
    card(page, 'something else --seed 1706').getByRole('button', { name: 'U1', exact: true }),
  ).toBeVisible();
  const refused = requests.filter(
    (r) => r.url.endsWith('/midjourney/imagine') && r.body?.includes('moderators refuse'),
  );
  expect(refused).toHaveLength(1);
  await alert.getByRole('button', { name: 'Edit and retry' }).click();
  await expect(page.getByRole('textbox', { name: 'Prompt', exact: true })).toHaveValue(prompt);
});

test('a silent job is checked after “Stalled after”, but called stalled only past the service’s 480 s', async ({
  page,
}) => {
  await page.clock.install();
  await page.goto('/');
  await setNumber(page, /Stalled after/, '3');
  await armFault(page, { stall: true });
  const prompt = 'a job that goes quiet for long --seed 1707';
  const lookups: string[] = [];
  page.on('request', (r) => r.url().endsWith('/midjourney/tasks') && lookups.push(r.url()));
  await imagine(page, prompt);
  const job = card(page, prompt);
  await expect(job.locator('.status-chip')).toHaveText('Generating');
  // Silent for 3 s: the service is asked; asked again 10 s later, the job is still not stalled.
  await expect.poll(() => lookups.length).toBeGreaterThanOrEqual(1);
  await page.clock.fastForward(10_000);
  await expect.poll(() => lookups.length).toBeGreaterThanOrEqual(2);
  await expect(job.locator('.status-chip')).toHaveText('Generating');
  await page.clock.fastForward('08:00');
  await expect(job.locator('.status-chip')).toHaveText('Stalled');
  await expect(job.getByRole('status')).toContainText('No news for a while');
});
