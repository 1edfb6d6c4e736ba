import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumArgs, PLAYWRIGHT_DISABLED_FEATURES } from './chromium';

/** The features the installed Playwright switches off, read from its own source. */
function playwrightsDisabledFeatures(): string[] {
  const root = dirname(createRequire(import.meta.url).resolve('playwright-core/package.json'));
  const candidates = [
    join(root, 'lib', 'coreBundle.js'),
    join(root, 'lib', 'server', 'chromium', 'chromiumSwitches.js'),
  ];
  for (const file of candidates) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const list = /disabledFeatures = \[([\s\S]*?)\]/.exec(text)?.[1];
    if (list) return [...list.matchAll(/^\s*"([^"]+)"/gm)].map((m) => m[1]!);
  }
  throw new Error(
    `Playwright's list of disabled features was not found in ${readdirSync(join(root, 'lib')).join(', ')}: ` +
      'read it in its chromiumSwitches and update PLAYWRIGHT_DISABLED_FEATURES.',
  );
}

describe('chromiumArgs', () => {
  it('repeats every feature Playwright switches off (Chromium keeps only the last list)', () => {
    const theirs = playwrightsDisabledFeatures();
    expect(theirs.length).toBeGreaterThan(3);
    expect(PLAYWRIGHT_DISABLED_FEATURES).toEqual(expect.arrayContaining(theirs));
  });

  it("gives one --disable-features with Playwright's, the idle popups and a spec's own", () => {
    const lists = chromiumArgs(['ModuleMapDoNotCacheFailedFetch']).filter((a) =>
      a.startsWith('--disable-features='),
    );
    expect(lists).toHaveLength(1);
    const features = lists[0]!.slice('--disable-features='.length).split(',');
    expect(features).toEqual(
      expect.arrayContaining([
        ...PLAYWRIGHT_DISABLED_FEATURES,
        'WebUIOmniboxPopup',
        'WebUIOmniboxAimPopup',
        'ModuleMapDoNotCacheFailedFetch',
      ]),
    );
    expect(new Set(features).size).toBe(features.length);
  });
});
