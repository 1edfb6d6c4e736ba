import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '@lingui/core';
import { activateLocale } from '../../i18n/activate';
import { imported } from './history-messages';

afterEach(() => activateLocale('en'));

const report = (dropped: Record<string, number>) => ({
  total: 10,
  added: 10,
  updated: 0,
  unchanged: 0,
  dropped,
});

describe('the import report', () => {
  it('says in plain words which fields were not imported and why', () => {
    const text = imported('h.json', report({ 'request.mode': 9, delivery: 1 }))(i18n);
    expect(text).toBe(
      'Imported h.json: 10 jobs — 10 added, 0 updated, 0 already here. ' +
        '9 jobs’ mode and 1 job’s delivery were not imported: your Settings decide these.',
    );
  });

  it('tells fields the studio refuses apart from those Settings decide', () => {
    const text = imported(
      'h.json',
      report({ 'request.callback_url': 2, 'request.weird': 1 }),
    )(i18n);
    expect(text).toContain(
      '2 jobs’ callback URL was not imported: your Settings decide it. ' +
        '1 job’s weird was not imported: the studio does not accept it.',
    );
  });

  it('says nothing more when nothing was left out', () => {
    expect(imported('h.json', report({}))(i18n)).toBe(
      'Imported h.json: 10 jobs — 10 added, 0 updated, 0 already here.',
    );
  });

  it('says it in Chinese too', async () => {
    await activateLocale('zh-CN');
    const text = imported('h.json', report({ 'request.mode': 9, delivery: 1 }))(i18n);
    expect(text).toContain('9 个任务的模式和1 个任务的结果返回方式未导入：这些由你的设置决定。');
    expect(text).not.toMatch(/Settings|request\./);
  });
});
