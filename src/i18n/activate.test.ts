import { i18n } from '@lingui/core';
import { afterAll, describe, expect, it, vi } from 'vitest';

// A build's two parts of a catalog (development and tests have everything in the first).
vi.mock('./catalog-zh-cn', () => ({ messages: { shown: '首屏' } }));
vi.mock('./catalog-zh-cn-later', () => ({ messages: { later: '稍后' } }));

const { activateLocale, loadLaterMessages, switchLocale } = await import('./activate');

afterAll(() => i18n.loadAndActivate({ locale: 'en', messages: {} }));

describe('a language in two parts', () => {
  it('paints with the first part; the rest joins it without a re-render', async () => {
    await activateLocale('zh-CN');
    expect(i18n._('shown')).toBe('首屏');
    const changes = vi.fn();
    const off = i18n.on('change', changes);
    await loadLaterMessages();
    off();
    expect(i18n._('later')).toBe('稍后');
    expect(changes).not.toHaveBeenCalled();
  });

  it('re-renders when something showed a later message before it was there', async () => {
    await activateLocale('zh-CN');
    expect(i18n._('later')).toBe('later');
    const changes = vi.fn();
    const off = i18n.on('change', changes);
    await loadLaterMessages();
    off();
    expect(changes).toHaveBeenCalled();
    expect(i18n._('later')).toBe('稍后');
  });

  it('a language chosen in Settings comes with all its messages', async () => {
    await switchLocale('zh-CN');
    expect([i18n._('shown'), i18n._('later')]).toEqual(['首屏', '稍后']);
  });
});
