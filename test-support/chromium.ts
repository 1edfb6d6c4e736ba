import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Flags for a headless Chromium on a machine with no GPU and a closed network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where Debian (and Ubuntu's older packages) put Chromium. */
export const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Which Chromium the browser tests would drive, or why there is none. */
export type ChromiumFound =
  | { kind: 'binary'; path: string }
  /** Playwright's own download: Playwright finds it itself. */
  | { kind: 'playwright' }
  /** `CHROMIUM_PATH` names a file that is not there: a mistake to report, not to skip. */
  | { kind: 'missing-override'; path: string }
  | { kind: 'none' };

/** Playwright's own Chromium, when it has been downloaded. */
function playwrightsOwn(exists: (path: string) => boolean): boolean {
  try {
    const own = chromium.executablePath();
    return Boolean(own) && exists(own);
  } catch {
    // Playwright has no browser of its own here.
    return false;
  }
}

/**
 * Looks for Chromium in this order: `CHROMIUM_PATH`, Debian's `/usr/bin/chromium`, then
 * Playwright's own download.
 */
export function locateChromium(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
  hasOwn: () => boolean = () => playwrightsOwn(exists),
): ChromiumFound {
  const override = env.CHROMIUM_PATH?.trim();
  if (override)
    return exists(override)
      ? { kind: 'binary', path: override }
      : { kind: 'missing-override', path: override };
  const system = SYSTEM_CHROMIUM.find((path) => exists(path));
  if (system) return { kind: 'binary', path: system };
  return hasOwn() ? { kind: 'playwright' } : { kind: 'none' };
}

/**
 * The Chromium to drive (undefined: Playwright's own, no override needed). Throws a message that
 * says what to do when there is none: `npm test` installs one first where it can
 * (scripts/ensure-chromium.ts), so this is met only when Playwright is started some other way.
 */
export function findChromium(): string | undefined {
  const found = locateChromium();
  if (found.kind === 'binary') return found.path;
  if (found.kind === 'playwright') return undefined;
  if (found.kind === 'missing-override') {
    throw new Error(`CHROMIUM_PATH is set to ${found.path}, which does not exist.`);
  }
  throw new Error(
    "No Chromium found for the browser tests. `npm run test:browser` installs Debian's chromium " +
      'where it can, or says the one command to run; or set CHROMIUM_PATH to a Chromium/Chrome binary.',
  );
}
