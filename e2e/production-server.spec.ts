import { test, expect, imagine, card } from './fixtures';

test('the production server: the CSP header holds, nothing the studio does breaks it, and the studio cannot be framed', async ({
  page,
  baseURL,
}) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const res = await page.goto('/');
  const headers = res!.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).not.toMatch(/\shttps:(\s|;|$)/);
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['cache-control']).toBe('no-cache');
  // The meta CSP of the build is gone: the header is the one policy.
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveCount(0);
  await page.evaluate(() => {
    (window as { violations?: string[] }).violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { violations: string[] }).violations.push(
        `${e.violatedDirective} ${e.blockedURI}`,
      ),
    );
  });

  // A generation, an upscale and a deep-link reload: all under the policy, with no violation.
  await imagine(page, 'a harbour under the header policy --seed 5');
  const job = card(page, 'a harbour under the header policy --seed 5');
  await expect(job.getByRole('button', { name: 'U1' })).toBeVisible({ timeout: 20_000 });
  await job.getByRole('button', { name: 'U1' }).click();
  await expect(page.locator('.job-card').first()).toContainText('Done', { timeout: 20_000 });
  expect(await page.evaluate(() => (window as { violations?: string[] }).violations)).toEqual([]);
  expect(violations).toEqual([]);

  const deep = await page.goto('/some/deep/link');
  expect(deep!.status()).toBe(200);
  await expect(page.getByRole('button', { name: 'Settings' })).toBeVisible();

  // Another page may not frame the studio.
  const framed: string[] = [];
  page.on('console', (m) => framed.push(m.text()));
  await page.setContent(`<iframe src="${baseURL}/" title="studio"></iframe>`);
  await expect
    .poll(() => framed.some((t) => /frame-ancestors|refused to (display|frame)/i.test(t)))
    .toBe(true);
});
