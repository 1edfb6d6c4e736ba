import { test as base, expect, type Page, type Request } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** A request the page made, as recorded for the token checks. */
export interface SeenRequest {
  url: string;
  authorization?: string;
}

/**
 * Every spec gets a fresh studio (empty IndexedDB and storage), the engine's faults cleared and a
 * fast pace, and a record of every request the page made.
 */
export const test = base.extend<{ requests: SeenRequest[] }>({
  requests: async ({ page }, use) => {
    const seen: SeenRequest[] = [];
    page.on('request', (req: Request) => {
      const authorization = req.headers()['authorization'];
      seen.push({ url: req.url(), ...(authorization ? { authorization } : {}) });
    });
    await use(seen);
  },
  page: async ({ page, request }, use) => {
    await request.delete('/__engine/faults');
    await request.post('/__engine/pace', { data: { ms: 60 } });
    await use(page);
  },
});

export { expect };

/** Engine admin: make the next `count` imagine requests suffer a fault. */
export async function armFault(page: Page, fault: Record<string, unknown>): Promise<void> {
  const res = await page.request.post('/__engine/faults', { data: fault });
  expect(res.ok()).toBeTruthy();
}

/** Type a prompt and press Enter, as a person does. */
export async function imagine(page: Page, prompt: string): Promise<void> {
  const box = page.getByRole('textbox', { name: 'Prompt' });
  await box.fill(prompt);
  await box.press('Enter');
}

/** The newest job card whose accessible name is the prompt. */
export function card(page: Page, name: string | RegExp) {
  return page.getByRole('article', { name }).first();
}

/** axe-core on the current page: no violations allowed. */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe violations in the ${state} state`).toEqual([]);
}
