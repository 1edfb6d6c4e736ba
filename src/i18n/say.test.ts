import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '@lingui/core';
import { activateLocale } from './activate';
import { say } from './say';

afterEach(() => activateLocale('en'));

describe('say', () => {
  it('shows a string (a provider’s words) as it is, in any language', async () => {
    expect(say('Banned prompt: "gore"', i18n)).toBe('Banned prompt: "gore"');
    await activateLocale('zh-CN');
    expect(say('Banned prompt: "gore"', i18n)).toBe('Banned prompt: "gore"');
  });

  it('words a message and its nested ones in the active language, data kept', async () => {
    const note = {
      code: 'job.check-failed',
      params: { reason: { code: 'api.unreachable', params: { detail: 'fetch failed' } } },
    };
    expect(say(note, i18n)).toBe('Could not check: Could not reach the server: fetch failed');
    await activateLocale('zh-CN');
    const zh = say(note, i18n);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(zh).toContain('fetch failed');
  });

  it('says plainly when a code has no words, rather than nothing', () => {
    expect(say({ code: 'no.such-code' }, i18n)).toBe('(no.such-code)');
  });
});
