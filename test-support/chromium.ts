import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * The features Playwright switches off itself (its `chromiumSwitches.ts`). Chromium keeps only the
 * last `--disable-features` it is given, so a list of ours must repeat Playwright's or it would
 * switch them back on; `test-support/chromium.test.ts` checks this copy against the installed
 * Playwright.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * Features of the full browser that headless Chromium runs for nothing: the address bar's popup
 * pages, preloaded in a renderer of their own. Without them a launch costs about half the CPU
 * (1.5 s instead of 3 s to a first page on 2 cores, Debian's Chromium 156); with the network
 * open they would also keep that renderer busy trying to reach a search engine.
 */
const IDLE_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

/**
 * Flags for a headless Chromium on a machine with no GPU and a closed network. `disabled`: more
 * features a spec switches off, merged into the one `--disable-features` Chromium reads.
 */
export function chromiumArgs(disabled: readonly string[] = []): string[] {
  const features = [...new Set([...PLAYWRIGHT_DISABLED_FEATURES, ...IDLE_FEATURES, ...disabled])];
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--disable-features=${features.join(',')}`,
  ];
}

/** {@link chromiumArgs} with no feature of a spec's own. */
export const CHROMIUM_ARGS = chromiumArgs();

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
