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

/**
 * Which Chromium to drive: `CHROMIUM_PATH`, then Debian's `/usr/bin/chromium`, then Playwright's
 * own download when present. Throws a message that says what to install when none is found.
 */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const path of candidates) if (path && existsSync(path)) return path;
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return undefined; // Playwright's own browser: no override needed
  } catch {
    // Playwright has no browser of its own here; fall through to the message below.
  }
  throw new Error(
    'No Chromium found for the browser tests. Install one (Debian: `apt-get install chromium`), ' +
      'or set CHROMIUM_PATH to a Chromium/Chrome binary.',
  );
}
