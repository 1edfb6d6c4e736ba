import { describe, expect, it } from 'vitest';
import { paramSpec } from './prompt-syntax';
import { PARAM_RANGES, aspectRefused, inRange, rangeHint } from './param-ranges';

describe('param ranges', () => {
  it('is the table the prompt syntax uses', () => {
    expect(paramSpec('stylize')).toMatchObject({ min: 0, max: 1000, integer: true });
    expect(paramSpec('seed')?.max).toBe(PARAM_RANGES.seed.max);
  });

  it('says a range as the fields show it', () => {
    expect(rangeHint(PARAM_RANGES.s)).toBe('0–1000, default 100');
    expect(rangeHint(PARAM_RANGES.seed)).toBe('0–4294967295');
  });

  it.each([
    ['s', 5000, false],
    ['s', 1000, true],
    ['seed', -1, false],
    ['c', 2.5, false],
    ['iw', 2.5, true],
  ] as const)('%s %d in range: %s', (name, n, ok) => {
    expect(inRange(PARAM_RANGES[name], n)).toBe(ok);
  });

  it('refuses ratios beyond 4:1 either way', () => {
    expect(aspectRefused(4, 1)).toBe(false);
    expect(aspectRefused(99, 1)).toBe(true);
    expect(aspectRefused(1, 5)).toBe(true);
  });
});
