import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cycleName, findCycles, judgeCycles, report } from './cycles';

describe('the import-cycle check', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cycles-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function files(sources: Record<string, string>): void {
    for (const [name, text] of Object.entries(sources)) writeFileSync(join(dir, name), text);
  }

  it('finds a cycle closed only by a type import', async () => {
    files({
      'shape.ts': `import { area } from './area';\nexport interface Shape { w: number }\nexport const unit = area({ w: 1 });\n`,
      'area.ts': `import type { Shape } from './shape';\nexport const area = (s: Shape) => s.w;\n`,
    });
    const cycles = await findCycles(['*.ts'], dir);
    expect(cycles.map(cycleName)).toEqual(['area.ts -> shape.ts']);
    const { ok, text } = report(judgeCycles(cycles, []));
    expect(ok).toBe(false);
    expect(text).toContain('import cycle: area.ts -> shape.ts');
  });

  it('finds a cycle closed by a dynamic import', async () => {
    files({
      'room.ts': `export type Room = { n: number };\nexport const open = () => import('./notice');\n`,
      'notice.ts': `import type { Room } from './room';\nexport const say = (r: Room) => r.n;\n`,
    });
    expect((await findCycles(['*.ts'], dir)).map(cycleName)).toEqual(['notice.ts -> room.ts']);
  });

  it('finds none when the shared type sits in a file below both', async () => {
    files({
      'shape-type.ts': `export interface Shape { w: number }\n`,
      'shape.ts': `import { area } from './area';\nexport const unit = area({ w: 1 });\n`,
      'area.ts': `import type { Shape } from './shape-type';\nexport const area = (s: Shape) => s.w;\n`,
    });
    const cycles = await findCycles(['*.ts'], dir);
    expect(cycles).toEqual([]);
    expect(report(judgeCycles(cycles, []))).toEqual({
      ok: true,
      text: 'no new import cycles (0 known)',
    });
  });

  it('allows a known cycle by name, in any rotation, and only that one', () => {
    const known = [['b.ts', 'a.ts']];
    const verdict = judgeCycles(
      [
        ['a.ts', 'b.ts'],
        ['c.ts', 'd.ts', 'e.ts'],
      ],
      known,
    );
    expect(verdict).toEqual({ fresh: ['c.ts -> d.ts -> e.ts'], known: ['a.ts -> b.ts'], gone: [] });
    expect(report(verdict).ok).toBe(false);
    expect(report(judgeCycles([['a.ts', 'b.ts']], known)).ok).toBe(true);
  });

  it('fails when a known cycle has ended, so its entry is deleted', () => {
    const { ok, text } = report(judgeCycles([], [['a.ts', 'b.ts']]));
    expect(ok).toBe(false);
    expect(text).toContain('known cycle has ended, delete its entry in scripts/cycles.ts: a.ts');
  });
});
