/**
 * Contract: the prompt lint and the local engine read one table of ranges (`api/param-ranges`),
 * so what the lint calls a sure refusal is exactly what the engine refuses, and what it lets
 * through the engine takes. Lives on the studio side because the engine may not import the lint.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ASPECT_LIMITS, OTHER_PARAMS } from '../api/param-ranges';
import { readPrompt } from '../../server/engine/pictures/prompt-params';
import { lintPrompt } from './lint';

const lintRefuses = (prompt: string) => lintPrompt(prompt).some((i) => i.severity === 'error');
const engineRefuses = (prompt: string) => !readPrompt(prompt).ok;

describe('one table of ranges: lint and engine agree', () => {
  it('aspect ratios: the engine refuses exactly beyond the limit the lint refuses beyond', () => {
    const limit = ASPECT_LIMITS.refusedBeyond;
    for (const ar of [`${limit}:1`, `1:${limit}`]) {
      expect(engineRefuses(`a cat --ar ${ar}`)).toBe(false);
      expect(lintRefuses(`a cat --ar ${ar}`)).toBe(false);
    }
    for (const ar of [`${limit + 1}:1`, `1:${limit + 1}`, `${limit * 10 + 1}:10`]) {
      expect(engineRefuses(`a cat --ar ${ar}`)).toBe(true);
      expect(lintRefuses(`a cat --ar ${ar}`)).toBe(true);
    }
  });

  it('any whole-number ratio: refused by the engine if and only if the lint refuses it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 60 }), (w, h) => {
        const prompt = `a cat --ar ${w}:${h}`;
        expect(engineRefuses(prompt)).toBe(lintRefuses(prompt));
      }),
    );
  });

  it('numeric parameters: the same edges on both sides', () => {
    for (const p of ['--s 1000', '--s 0', '--c 100', '--w 3000', '--iw 3', '--seed 4294967295']) {
      expect(engineRefuses(`a cat ${p}`), p).toBe(false);
      expect(lintRefuses(`a cat ${p}`), p).toBe(false);
    }
    for (const p of ['--s 5000', '--c 101', '--w 3001', '--iw 3.5', '--seed -1', '--seed 1.5']) {
      expect(engineRefuses(`a cat ${p}`), p).toBe(true);
      expect(lintRefuses(`a cat ${p}`), p).toBe(true);
    }
  });

  it('the real parameters the studio has no control for are taken by the engine, as by the lint', () => {
    for (const [name, kind] of Object.entries(OTHER_PARAMS)) {
      const prompt = kind === 'flag' ? `a cat --${name}` : `a cat --${name} 50`;
      expect(lintRefuses(prompt), prompt).toBe(false);
      expect(readPrompt(prompt), prompt).toMatchObject({ ok: true });
    }
    expect(readPrompt('a cat --raw --hd --stop 50 --ar 3:2')).toMatchObject({
      ok: true,
      plan: { text: 'a cat', ratio: { w: 3, h: 2 } },
    });
  });

  it('refuses only what the table refuses: unknown names, and a value after a switch', () => {
    for (const prompt of ['a cat --foo', 'a cat --hd 2', 'a cat --tile yes']) {
      expect(engineRefuses(prompt), prompt).toBe(true);
      expect(lintRefuses(prompt), prompt).toBe(true);
    }
  });
});
