import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFlag } from './remembered-flag';

describe('readFlag', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('gives the fallback when nothing is kept, and the kept choice otherwise', () => {
    const kept = new Map<string, string>([
      ['on', '1'],
      ['off', '0'],
    ]);
    vi.stubGlobal('localStorage', { getItem: (k: string) => kept.get(k) ?? null });
    expect(readFlag('none', true)).toBe(true);
    expect(readFlag('none', false)).toBe(false);
    expect(readFlag('on', false)).toBe(true);
    expect(readFlag('off', true)).toBe(false);
  });

  it('gives the fallback when storage refuses', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    expect(readFlag('any', true)).toBe(true);
  });
});
