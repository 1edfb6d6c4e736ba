import { test as base, expect, type Locator, type Page, type Request } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { e2ePort } from './ports';
import { ENGINE_ADMIN_HEADERS } from '../src/api/engine-admin';

/** The header the engine's admin routes need (the specs drive pace, faults and restarts). */
export const ADMIN = ENGINE_ADMIN_HEADERS;

/** A request the page made, as recorded for the token checks. */
export interface SeenRequest {
  url: string;
  method: string;
  authorization?: string;
  body?: string;
}

/** The token the specs type into Settings; it must only ever reach the chosen target. */
export const E2E_TOKEN = 'e2e-secret-token-7f3a9c';

/**
 * Every spec gets a fresh studio (empty IndexedDB and storage), the engine's faults cleared and a
 * fast pace, and a record of every request the page made. The studio and its engines are the
 * worker's own (e2e/ports.ts), so specs in other workers never see this engine's state.
 */
export const test = base.extend<{ requests: SeenRequest[] }>({
  // This worker's own studio (started for it by playwright.config.ts); a spec with a studio of
  // its own sets baseURL instead.
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from this pattern; it has none
  baseURL: async ({}, use) => {
    await use(`http://127.0.0.1:${e2ePort(0)}`);
  },
  requests: [
    async ({ page, baseURL }, use) => {
      const seen: SeenRequest[] = [];
      page.on('request', (req: Request) => {
        const authorization = req.headers()['authorization'];
        const body = req.postData() ?? undefined;
        seen.push({
          url: req.url(),
          method: req.method(),
          ...(authorization ? { authorization } : {}),
          ...(body ? { body } : {}),
        });
      });
      await use(seen);
      // After every spec: the token went only to the chosen target (here the studio's own origin,
      // where the local engine lives), only in the authorization header, never in a URL or body.
      const origin = new URL(baseURL!).origin;
      for (const r of seen) {
        expect(r.url, 'token in a URL').not.toContain(E2E_TOKEN);
        expect(r.body ?? '', `token in a request body to ${r.url}`).not.toContain(E2E_TOKEN);
        if (r.authorization)
          expect(new URL(r.url).origin, 'authorization sent elsewhere').toBe(origin);
      }
    },
    { auto: true },
  ],
  page: async ({ page, request }, use) => {
    // Admin takes only JSON requests (a web page cannot send those cross-origin unasked).
    await request.delete('/__engine/faults', {
      headers: { ...ADMIN, 'content-type': 'application/json' },
    });
    await request.post('/__engine/pace', { headers: ADMIN, data: { ms: 60 } });
    await use(page);
  },
});

export { expect };

/** Engine admin: make the next `count` imagine requests suffer a fault. */
export async function armFault(page: Page, fault: Record<string, unknown>): Promise<void> {
  const res = await page.request.post('/__engine/faults', { headers: ADMIN, data: fault });
  expect(res.ok()).toBeTruthy();
}

/** Open Settings, apply some choices as a person would, and close it. */
export async function configure(
  page: Page,
  choices: { delivery?: 'Stream' | 'Wait' | 'Async'; token?: string; target?: string },
): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  if (choices.target) await dialog.getByLabel('Target').selectOption({ label: choices.target });
  if (choices.delivery) {
    await openAdvanced(dialog);
    await dialog.getByLabel('Delivery').selectOption({ label: choices.delivery });
  }
  if (choices.token !== undefined) {
    await dialog.getByLabel('API token').fill(choices.token);
    await dialog.getByLabel('API token').blur();
  }
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
}

/**
 * Opens Settings' Advanced group (delivery, callback, mask format, jobs at once, timeouts) in an
 * open Settings dialog, as a person does; it stays open once opened (remembered).
 */
export async function openAdvanced(dialog: Locator): Promise<void> {
  const group = dialog.locator('details.advanced');
  if (await group.evaluate((d: HTMLDetailsElement) => d.open)) return;
  await group.locator('summary').click();
  await expect(group).toHaveAttribute('open', '');
}

/** Type a prompt and press Enter, as a person does. */
export async function imagine(page: Page, prompt: string): Promise<void> {
  const box = page.getByRole('textbox', { name: 'Prompt', exact: true });
  await box.fill(prompt);
  await box.press('Enter');
}

/** The newest job card whose accessible name is the prompt. */
export function card(page: Page, name: string | RegExp) {
  return page.getByRole('article', { name }).first();
}

/**
 * axe-core on the current page: no violations allowed. Every rule runs; two options only spare
 * work no assertion reads: axe runs inside the page (legacy mode: the studio has no frames, so the
 * extra page the default mode opens to merge frames' results is not needed), and only violations
 * are collected (not the passing and inapplicable nodes). Together about half the time per pass.
 */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .options({ resultTypes: ['violations'] })
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe violations in the ${state} state`).toEqual([]);
}
