import { describe, expect, it } from 'vitest';
import { costOf, formatUnits, totalCost } from './cost';

const units = (input: Parameters<typeof costOf>[0]) => costOf(input)?.units;
const codes = (input: Parameters<typeof costOf>[0]) => costOf(input)?.factors.map((f) => f.code);

describe('costOf', () => {
  it('an ordinary fast image job is 1 unit, sure', () => {
    expect(costOf({ prompt: 'a red fox', mode: 'fast' })).toEqual({
      units: 1,
      factors: [],
      uncertain: false,
    });
  });

  it('mode: turbo doubles; relax is billed at a rate the provider does not publish', () => {
    expect(units({ prompt: 'a fox', mode: 'turbo' })).toBe(2);
    expect(costOf({ prompt: 'a fox', mode: 'relax' })).toMatchObject({
      units: 1,
      uncertain: true,
      factors: [{ code: 'relax', known: false }],
    });
  });

  it('hd is 4× (the provider says so), from the field or the prompt', () => {
    expect(costOf({ prompt: 'a fox', hd: true, mode: 'fast' })).toMatchObject({
      units: 4,
      uncertain: false,
    });
    expect(units({ prompt: 'a fox --hd' })).toBe(4);
    expect(units({ prompt: 'a fox', hd: true, mode: 'turbo' })).toBe(8);
  });

  it('quality scales GPU time; the request field wins over the prompt', () => {
    expect(units({ prompt: 'a fox --q .25' })).toBe(0.25);
    expect(units({ prompt: 'a fox --quality 0.5' })).toBe(0.5);
    expect(units({ prompt: 'a fox', quality: '2' })).toBe(2);
    expect(units({ prompt: 'a fox --q 2', quality: '4' })).toBe(4);
    expect(units({ prompt: 'a fox --q 1' })).toBe(1);
  });

  it('version, --sref in V8 and a moodboard are billed at unknown rates', () => {
    expect(costOf({ prompt: 'a fox', version: '8.1' })).toMatchObject({
      units: 1,
      uncertain: true,
      factors: [{ code: 'version', value: '8.1' }],
    });
    expect(codes({ prompt: 'a fox --sref https://x.com/s.png --v 8' })).toEqual([
      'style-reference',
    ]);
    expect(codes({ prompt: 'a fox', style_reference: true, version: '8' })).toEqual([
      'version',
      'style-reference',
    ]);
    // Before V8 a style reference is not a billing flag.
    expect(codes({ prompt: 'a fox --sref https://x.com/s.png --v 7' })).toEqual([]);
    expect(codes({ prompt: 'a fox', moodboard: true })).toEqual(['moodboard']);
  });

  it('an action is one job at an unpublished rate', () => {
    expect(costOf({ action: 'upscale2', mode: 'fast' })).toMatchObject({
      units: 1,
      uncertain: true,
    });
    expect(units({ action: 'variation1', mode: 'turbo' })).toBe(2);
  });

  it('video: 8 image jobs at 480p, 3.2× that at 720p (the default)', () => {
    expect(units({ kind: 'videos', resolution: '480p', mode: 'fast' })).toBe(8);
    expect(units({ kind: 'videos', mode: 'fast' })).toBe(25.6);
    expect(units({ kind: 'videos', resolution: '720p', mode: 'turbo' })).toBe(51.2);
  });

  it('kinds that spend no GPU time have no cost', () => {
    expect(costOf({ kind: 'describe' })).toBeNull();
    expect(costOf({ kind: 'shorten', prompt: 'a fox' })).toBeNull();
  });
});

describe('totalCost and formatUnits', () => {
  it('adds a batch up, uncertain when any job is', () => {
    const total = totalCost([
      costOf({ prompt: 'a', mode: 'fast' }),
      costOf({ prompt: 'b --q .5', mode: 'fast' }),
      costOf({ prompt: 'c', mode: 'relax' }),
      null,
    ]);
    expect(total.units).toBe(2.5);
    expect(total.uncertain).toBe(true);
    expect(total.factors.map((f) => f.code)).toEqual(['quality', 'relax']);
  });

  it('writes the figure', () => {
    expect(formatUnits(4)).toBe('×4');
    expect(formatUnits(0.25)).toBe('×0.25');
    expect(formatUnits(25.6)).toBe('×25.6');
  });
});
