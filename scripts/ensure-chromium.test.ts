import { describe, expect, it } from 'vitest';
import { locateChromium, type ChromiumFound } from '../test-support/chromium';
import { decide, ensureChromium, INSTALL_COMMANDS, type Machine } from './ensure-chromium';

const NONE: ChromiumFound = { kind: 'none' };
const DEBIAN: ChromiumFound = { kind: 'binary', path: '/usr/bin/chromium' };

/** A machine whose answers change as commands run, recording every command and line. */
function fakeMachine(
  before: Machine,
  opts: { after?: ChromiumFound; failing?: string } = {},
): { effects: Parameters<typeof ensureChromium>[0]; ran: string[]; said: string[] } {
  const ran: string[] = [];
  const said: string[] = [];
  let installed = false;
  return {
    ran,
    said,
    effects: {
      look: () => (installed ? { ...before, found: opts.after ?? DEBIAN } : before),
      run: (command) => {
        ran.push(command.join(' '));
        if (opts.failing && command.includes(opts.failing)) return 100;
        if (command.includes('install')) installed = true;
        return 0;
      },
      log: (line) => said.push(line),
    },
  };
}

describe('locating Chromium', () => {
  const only =
    (...paths: string[]) =>
    (path: string) =>
      paths.includes(path);
  const noOwn = () => false;

  it('takes CHROMIUM_PATH first, then Debian’s, then Playwright’s own, else none', () => {
    const env = { CHROMIUM_PATH: '/opt/chrome/chrome' };
    expect(locateChromium(env, only('/opt/chrome/chrome', '/usr/bin/chromium'), noOwn)).toEqual({
      kind: 'binary',
      path: '/opt/chrome/chrome',
    });
    expect(locateChromium({}, only('/usr/bin/chromium'), () => true)).toEqual(DEBIAN);
    expect(locateChromium({}, only('/usr/bin/chromium-browser'), noOwn)).toEqual({
      kind: 'binary',
      path: '/usr/bin/chromium-browser',
    });
    expect(locateChromium({}, only(), () => true)).toEqual({ kind: 'playwright' });
    expect(locateChromium({}, only(), noOwn)).toEqual(NONE);
  });

  it('reports a CHROMIUM_PATH that is not there instead of quietly using another browser', () => {
    expect(locateChromium({ CHROMIUM_PATH: '/nope' }, only('/usr/bin/chromium'), noOwn)).toEqual({
      kind: 'missing-override',
      path: '/nope',
    });
  });
});

describe('deciding what to do about the browser', () => {
  it('present: nothing to do, whoever runs it', () => {
    for (const root of [true, false]) {
      expect(decide({ found: DEBIAN, root, aptGet: true })).toEqual({
        do: 'nothing',
        browser: '/usr/bin/chromium',
      });
    }
    expect(decide({ found: { kind: 'playwright' }, root: false, aptGet: false }).do).toBe(
      'nothing',
    );
  });

  it('installable (root with apt-get): Debian’s chromium, without questions', () => {
    expect(decide({ found: NONE, root: true, aptGet: true })).toEqual({
      do: 'install',
      commands: [
        ['apt-get', 'update', '-qq'],
        ['apt-get', 'install', '-y', '-qq', 'chromium'],
      ],
    });
  });

  it('not installable: stops with the one command to run', () => {
    const notRoot = decide({ found: NONE, root: false, aptGet: true });
    expect(notRoot.do).toBe('stop');
    expect(notRoot.do === 'stop' && notRoot.message).toContain(
      '\n  sudo apt-get install -y chromium\n',
    );
    const noApt = decide({ found: NONE, root: true, aptGet: false });
    expect(noApt.do === 'stop' && noApt.message).toContain('\n  npx playwright install chromium\n');
    const wrong = decide({
      found: { kind: 'missing-override', path: '/nope' },
      root: true,
      aptGet: true,
    });
    expect(wrong).toEqual({
      do: 'stop',
      message: expect.stringContaining('CHROMIUM_PATH is set to /nope, which does not exist'),
    });
  });
});

describe('ensureChromium', () => {
  it('present: runs nothing and passes', () => {
    const m = fakeMachine({ found: DEBIAN, root: true, aptGet: true });
    expect(ensureChromium(m.effects)).toBe(0);
    expect(m.ran).toEqual([]);
  });

  it('installable: runs apt-get update and install, finds the browser after, passes', () => {
    const m = fakeMachine({ found: NONE, root: true, aptGet: true });
    expect(ensureChromium(m.effects)).toBe(0);
    expect(m.ran).toEqual(INSTALL_COMMANDS.map((c) => c.join(' ')));
    expect(m.said.at(-1)).toBe('Chromium installed: /usr/bin/chromium');
  });

  it('an install that fails stops at that command and says which', () => {
    const m = fakeMachine({ found: NONE, root: true, aptGet: true }, { failing: 'update' });
    expect(ensureChromium(m.effects)).toBe(1);
    expect(m.ran).toEqual(['apt-get update -qq']);
    expect(m.said.at(-1)).toContain('`apt-get update -qq` exited with 100');
  });

  it('an install that leaves no browser where the tests look fails', () => {
    const m = fakeMachine({ found: NONE, root: true, aptGet: true }, { after: NONE });
    expect(ensureChromium(m.effects)).toBe(1);
    expect(m.said.at(-1)).toContain('no Chromium is found where the tests look');
  });

  it('not installable: runs nothing, prints the command and fails', () => {
    const m = fakeMachine({ found: NONE, root: false, aptGet: true });
    expect(ensureChromium(m.effects)).toBe(1);
    expect(m.ran).toEqual([]);
    expect(m.said.join('\n')).toContain('sudo apt-get install -y chromium');
  });
});
