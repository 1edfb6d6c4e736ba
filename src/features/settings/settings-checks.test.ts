import { describe, expect, it } from 'vitest';
import { i18n, type MessageDescriptor } from '@lingui/core';
import { checkCallbackUrl, checkJobsAtOnce, checkStallSeconds } from './settings-checks';

/** A check's message as the person reads it (English in tests). */
const text = (message: MessageDescriptor | null) => (message ? i18n._(message) : '');

describe('checkStallSeconds', () => {
  it.each([
    ['0', 3],
    ['-5', 3],
    ['99999', 3600],
  ])('clamps %s to %d and says so', (input, value) => {
    const result = checkStallSeconds(input);
    expect(result.value).toBe(value);
    expect(text(result.message)).toMatch(
      new RegExp(`3–3600 seconds; ${input} was set to ${value}`),
    );
  });

  it('takes a value in range as typed', () => {
    expect(checkStallSeconds('90')).toEqual({ value: 90, message: null });
  });

  it('saves nothing for text that is not a number', () => {
    expect(checkStallSeconds('soon').value).toBeUndefined();
    expect(text(checkStallSeconds('').message)).toMatch(/from 3 to 3600/);
  });
});

describe('checkJobsAtOnce', () => {
  it('takes 1–10 as typed, clamps the rest with a word, saves nothing for text', () => {
    expect(checkJobsAtOnce('2')).toEqual({ value: 2, message: null });
    const high = checkJobsAtOnce('50');
    expect(high.value).toBe(10);
    expect(text(high.message)).toBe('Jobs at once takes 1–10; 50 was set to 10.');
    expect(checkJobsAtOnce('0').value).toBe(1);
    expect(checkJobsAtOnce('many').value).toBeUndefined();
    expect(text(checkJobsAtOnce('many').message)).toMatch(/whole number from 1 to 10/);
  });
});

describe('checkCallbackUrl', () => {
  it.each(['not a url', 'ftp://example.com/hook', 'example.com/hook', 'javascript:alert(1)'])(
    'refuses %j without saving it',
    (input) => {
      const result = checkCallbackUrl(input);
      expect(result.value).toBeUndefined();
      expect(text(result.message)).toMatch(/full http\(s\) URL/);
    },
  );

  it.each(['https://example.com/hook', 'http://127.0.0.1:8080/cb', ''])('takes %j', (input) => {
    expect(checkCallbackUrl(input)).toEqual({ value: input, message: null });
  });
});
