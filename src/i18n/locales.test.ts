import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { activateLocale } from './activate';
import { formatBytes, formatNumber } from './format';
import { localeForLanguages } from './locales';

describe('choosing the language', () => {
  it('follows the first Chinese or English entry of the browser languages', () => {
    expect(localeForLanguages(['zh-CN', 'en-US'])).toBe('zh-CN');
    expect(localeForLanguages(['zh-TW'])).toBe('zh-CN');
    expect(localeForLanguages(['zh'])).toBe('zh-CN');
    expect(localeForLanguages(['en-GB', 'zh-CN'])).toBe('en');
    expect(localeForLanguages(['fr-FR', 'zh-CN'])).toBe('zh-CN');
    expect(localeForLanguages(['de-DE'])).toBe('en');
    expect(localeForLanguages([])).toBe('en');
  });
});

describe('the catalogs', () => {
  afterEach(() => activateLocale('en'));

  it('load the Chinese names of the main controls', async () => {
    await activateLocale('zh-CN');
    expect(i18n.locale).toBe('zh-CN');
    expect([msg`Studio`, msg`History`, msg`Settings`].map((m) => i18n._(m))).toEqual([
      '工作台',
      '历史',
      '设置',
    ]);
  });
});

describe('formatting in the active language', () => {
  afterEach(() => activateLocale('en'));

  it('writes numbers and sizes the way each language does', async () => {
    expect(formatNumber(12345.5)).toBe('12,345.5');
    expect(formatBytes(1_234_567)).toBe('1.2 MB');
    expect(formatBytes(512)).toBe('512 byte');
    await activateLocale('zh-CN');
    expect(formatBytes(1_234_567)).toBe('1.2 MB');
    expect(formatNumber(0.5, { style: 'percent' })).toBe('50%');
  });
});
