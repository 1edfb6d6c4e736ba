import { afterEach, describe, expect, it } from 'vitest';
import { activateLocale } from '../i18n/activate';
import { explainError } from './explain';

describe('explainError', () => {
  it.each([
    [{ code: 'no_token', status: 400 }, 'settings'],
    [{ code: 'invalid_token', status: 401 }, 'settings'],
    [{ code: 'used_up', status: 403 }, 'top-up'],
    [{ code: 'too_many_requests', status: 429 }, 'wait'],
    [{ code: 'forbidden', status: 403 }, 'prompt'],
    [{ status: 429 }, 'wait'],
    [{ status: 401 }, 'settings'],
    [{ status: 502 }, 'retry'],
  ])('%o → %s', (error, remedy) => {
    expect(explainError(error).remedy).toBe(remedy);
  });

  it('says what to do for a dropped connection', () => {
    expect(explainError({ kind: 'network' }).hint).toMatch(/connection/i);
  });

  describe('in Chinese', () => {
    afterEach(() => activateLocale('en'));

    it('gives the advice in Chinese once the studio speaks it', async () => {
      await activateLocale('zh-CN');
      expect(explainError({ code: 'used_up' })).toEqual({
        title: '额度已用完',
        hint: '你的余额已用完。请在 platform.acedata.cloud 充值后重试。',
        remedy: 'top-up',
      });
    });
  });
});
