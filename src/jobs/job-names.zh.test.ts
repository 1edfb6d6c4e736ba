import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '@lingui/core';
import { activateLocale } from '../i18n/activate';
import { cardName, type NamedJob } from './job-names';

afterEach(() => activateLocale('en'));

describe('cardName in Chinese', () => {
  it('puts the parent first and keeps U/V and the prompt', async () => {
    await activateLocale('zh-CN');
    const root: NamedJob = { id: 'a', request: { prompt: 'a lighthouse' } };
    const up: NamedJob = {
      id: 'b',
      request: { action: 'upscale2' },
      parent: { jobId: 'a', imageId: 'i', action: 'upscale2', label: 'a lighthouse' },
    };
    const zoom: NamedJob = {
      id: 'c',
      request: { action: 'zoom_out_2x' },
      parent: { jobId: 'b', imageId: 'j', action: 'zoom_out_2x', label: 'a lighthouse' },
    };
    const byId: Record<string, NamedJob> = { a: root, b: up, c: zoom };
    const name = cardName(zoom, (id) => byId[id], i18n);
    expect(name.title).toBe('U2 的 缩小 2 倍 · 来自 “a lighthouse”');
    // Split around the parent, so the card can link it wherever the language puts it.
    expect([name.lead, name.parent, name.rest]).toEqual([
      '',
      'U2',
      ' 的 缩小 2 倍 · 来自 “a lighthouse”',
    ]);
    expect(cardName(zoom, () => undefined, i18n).title).toBe('图片 “a lighthouse” 的 缩小 2 倍');
  });
});
