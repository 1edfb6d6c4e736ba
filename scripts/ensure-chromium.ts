/**
 * `npm run test:browser` (run by `npm test` before anything needs a browser): makes sure the
 * browser tests have a Chromium. When none is found it installs Debian's `chromium` where it can
 * (as root, with apt-get: a fresh CI machine or container), else it stops with the one command to
 * run. The decision is a pure function of what the machine has, tested without running apt.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { type ChromiumFound, locateChromium } from '../test-support/chromium';

/** What the decision needs to know about this machine. */
export interface Machine {
  found: ChromiumFound;
  /** Running as root: apt-get can install without asking for a password. */
  root: boolean;
  /** apt-get is on the PATH (Debian, Ubuntu and their kin). */
  aptGet: boolean;
}

/** What to do about the browser. */
export type Step =
  | { do: 'nothing'; browser: string }
  | { do: 'install'; commands: string[][] }
  | { do: 'stop'; message: string };

/** Debian's Chromium, installed without questions. */
export const INSTALL_COMMANDS: string[][] = [
  ['apt-get', 'update', '-qq'],
  ['apt-get', 'install', '-y', '-qq', 'chromium'],
];

const OR_OVERRIDE = 'or set CHROMIUM_PATH to a Chromium or Chrome binary';

/** The decision: use what is there, install Debian's Chromium, or say the one command to run. */
export function decide(machine: Machine): Step {
  const { found } = machine;
  switch (found.kind) {
    case 'binary':
      return { do: 'nothing', browser: found.path };
    case 'playwright':
      return { do: 'nothing', browser: "Playwright's own Chromium" };
    case 'missing-override':
      return {
        do: 'stop',
        message: `CHROMIUM_PATH is set to ${found.path}, which does not exist: point it at a Chromium or Chrome binary, or unset it.`,
      };
    case 'none':
      if (machine.aptGet && machine.root) return { do: 'install', commands: INSTALL_COMMANDS };
      if (machine.aptGet) {
        return {
          do: 'stop',
          message: `No Chromium for the browser tests. Install Debian's, then run npm test again:\n\n  sudo apt-get install -y chromium\n\n(${OR_OVERRIDE}.)`,
        };
      }
      return {
        do: 'stop',
        message: `No Chromium for the browser tests, and no apt-get to install one. Run:\n\n  npx playwright install chromium\n\n(${OR_OVERRIDE}.)`,
      };
  }
}

/** The effects `ensureChromium` carries out, handed in so that tests run no apt. */
export interface Effects {
  look(): Machine;
  /** Runs a command with its output shown; answers its exit status. */
  run(command: string[]): number;
  log(line: string): void;
}

/** Decides, installs when that is the decision, and checks again. Answers the exit status. */
export function ensureChromium(effects: Effects): number {
  const step = decide(effects.look());
  if (step.do === 'nothing') {
    effects.log(`Chromium for the browser tests: ${step.browser}`);
    return 0;
  }
  if (step.do === 'stop') {
    effects.log(step.message);
    return 1;
  }
  effects.log("No Chromium for the browser tests: installing Debian's chromium…");
  for (const command of step.commands) {
    const status = effects.run(command);
    if (status !== 0) {
      effects.log(
        `Installing Chromium failed: \`${command.join(' ')}\` exited with ${status}. Install it yourself (apt-get install -y chromium), ${OR_OVERRIDE}.`,
      );
      return 1;
    }
  }
  const after = decide(effects.look());
  if (after.do === 'nothing') {
    effects.log(`Chromium installed: ${after.browser}`);
    return 0;
  }
  effects.log(
    `apt-get installed chromium, yet no Chromium is found where the tests look (/usr/bin/chromium); ${OR_OVERRIDE}.`,
  );
  return 1;
}

/** Whether `name` is an executable file in one of the PATH's folders. */
function onPath(name: string): boolean {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .some((dir) => dir && existsSync(join(dir, name)));
}

/** This machine, as it is now. */
export const realEffects: Effects = {
  look: () => ({
    found: locateChromium(),
    root: process.getuid?.() === 0,
    aptGet: onPath('apt-get'),
  }),
  run: ([command, ...args]) =>
    spawnSync(command!, args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status ?? 1,
  log: (line) => console.log(line),
};

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  process.exitCode = ensureChromium(realEffects);
}
