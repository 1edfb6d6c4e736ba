import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAll } from './run-parallel';

/**
 * A script that marks itself started, then waits (30 s at most) for `other` to have started too:
 * it can pass only when both run at once.
 */
function meetsOther(self: string, other: string): string {
  const code = `const fs=require('fs');fs.writeFileSync('${self}.started','');const end=Date.now()+30000;(function wait(){if(fs.existsSync('${other}.started')){console.log('${self} met ${other}');return}if(Date.now()>end){console.log('${self} waited alone');process.exit(1)}setTimeout(wait,20)})()`;
  return `node -e "${code}"`;
}

describe('run-parallel', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'run-parallel-'));
    const scripts = {
      one: meetsOther('one', 'two'),
      two: meetsOther('two', 'one'),
      good: `node -e "console.log('fine')"`,
      bad: `node -e "console.log('line one of bad');console.error('why bad failed');process.exit(3)"`,
    };
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'p', scripts }));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function run(...names: string[]) {
    let out = '';
    const status = await runAll(names, { cwd: dir, write: (text) => (out += text) });
    return { status, out };
  }

  it('runs the scripts at once and passes when all pass', async () => {
    const { status, out } = await run('one', 'two');
    expect(out).toContain('one met two');
    expect(out).toContain('two met one');
    expect(out).toMatch(/^all passed: one, two$/m);
    expect(status).toBe(0);
  }, 60_000);

  it('fails when one fails, and prints its output whole with its exit status', async () => {
    const { status, out } = await run('good', 'bad');
    expect(status).toBe(1);
    expect(out).toMatch(/> bad: FAILED \(exit 3\), [\d.]+ s\nline one of bad\nwhy bad failed\n/);
    expect(out).toMatch(/> good: ok, [\d.]+ s\nfine\n/);
    expect(out).toMatch(/^failed: bad$/m);
  }, 60_000);
});
