import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '@lingui/core';
import { REFUSED_URL_NOTE } from '../api/url-scheme';
import { activateLocale } from '../i18n/activate';
import { checkImportSize, HistoryImportError } from '../storage/history-file/history-file';
import { readHistoryHeader, readHistoryJob } from '../storage/history-file/read-history';
import {
  downloadRefusal,
  keptLabel,
  missingReason,
  notKeptReason,
  type KeptCopy,
  type MissingCopy,
} from '../storage/image-cache/kept-copy';
import { keptLabelText } from '../storage/image-cache/kept-label';
import { evictedMessage } from '../storage/image-cache/evicted-message';
import { cardName, type NamedJob } from './job-names';
import { jobText } from './job-text';
import { droppedNote } from './rebuild-request';
import {
  CANCELLED_AFTER_SEND_NOTE,
  CANCELLED_BEFORE_SEND_NOTE,
  NEVER_ARRIVED_MESSAGE,
  NO_LOOKUP_MESSAGE,
  UNKNOWN_TASK_MESSAGE,
} from './machine/types';

function refusal(read: () => unknown): string {
  try {
    read();
  } catch (err) {
    if (err instanceof HistoryImportError) return err.message;
    throw err;
  }
  throw new Error('expected a refusal');
}

/** Sentences as the jobs layer really writes them (not copies of their text). */
const SENTENCES = [
  UNKNOWN_TASK_MESSAGE,
  NEVER_ARRIVED_MESSAGE,
  NO_LOOKUP_MESSAGE,
  CANCELLED_AFTER_SEND_NOTE,
  CANCELLED_BEFORE_SEND_NOTE,
  REFUSED_URL_NOTE,
  droppedNote(['callback_url', 'webhook'])!,
  evictedMessage({ images: 1, clips: 0 }),
  evictedMessage({ images: 3, clips: 2, relayed: 1, thumbs: 3 }),
  evictedMessage({ images: 2, clips: 0, relayed: 2, thumbs: 1 }),
  evictedMessage({ images: 0, clips: 1 }),
  downloadRefusal({ kind: 'offline' })!,
  downloadRefusal({
    kind: 'none',
    reason: notKeptReason({ relay: null, offlineCache: false }, false),
  })!,
  `Could not check: ${notKeptReason({ relay: '/relay', offlineCache: true }, true)}`,
  ...((['offline', 'unreadable'] as const).map((code) =>
    downloadRefusal({ kind: 'none', reason: missingReason({ code }) }),
  ) as string[]),
  downloadRefusal({
    kind: 'none',
    reason: missingReason({ code: 'untrusted', origin: 'https://cdn.example:8443' }),
  })!,
  refusal(() => readHistoryHeader('{not json')),
  refusal(() => readHistoryHeader('{"format":"something else"}')),
  refusal(() => checkImportSize(500 * 1024 * 1024)),
  refusal(() => readHistoryJob({ id: 'abc', kind: 'teleport' }, 2, {}, new Map() as never)),
];

const CJK = /[\u4e00-\u9fff]/;

/** Every reason a copy may be missing, as the card's label says it. */
const MISSING: MissingCopy[] = [
  { code: 'offline' },
  { code: 'untrusted', origin: 'https://cdn.example:8443' },
  { code: 'unreadable' },
  { code: 'unfetched' },
  { code: 'untried' },
  { code: 'lost' },
];

afterEach(() => activateLocale('en'));

describe('jobText', () => {
  it('leaves every sentence of the jobs layer word for word in English', () => {
    expect(i18n.locale).toBe('en');
    for (const sentence of SENTENCES) expect(jobText(sentence, i18n)).toBe(sentence);
    const copies: KeptCopy[] = [
      { kind: 'blob' },
      { kind: 'relay' },
      { kind: 'offline' },
      { kind: 'none', reason: notKeptReason({ relay: null, offlineCache: true }, true) },
      ...MISSING.map((m): KeptCopy => ({ kind: 'none', reason: missingReason(m), missing: m })),
    ];
    for (const copy of copies) expect(keptLabelText(copy, i18n)).toBe(keptLabel(copy));
  });

  it('says every one of them in Chinese, keeping the names and numbers in them', async () => {
    await activateLocale('zh-CN');
    for (const sentence of SENTENCES) {
      const zh = jobText(sentence, i18n);
      expect(zh, sentence).toMatch(CJK);
      expect(zh, sentence).not.toMatch(/\b(the|was|is|could)\b/);
    }
    expect(jobText(droppedNote(['callback_url'])!, i18n)).toBe(
      '请求中已省略（未知或不允许）：callback_url。',
    );
    expect(jobText(evictedMessage({ images: 3, clips: 2, relayed: 1, thumbs: 3 }), i18n)).toBe(
      '存储空间已满，已从本设备移除 2 个较早的视频片段和 3 张较早保存的图片（2 张直接从图片服务器读取，1 张经工作台服务器读取）以及 3 张缩略图。对应的任务仍然保留；在链接有效期内会从服务端加载。',
    );
    expect(
      keptLabelText(
        { kind: 'none', reason: notKeptReason({ relay: null, offlineCache: true }, true) },
        i18n,
      ),
    ).toBe('无副本，仅有链接：链接已过期或失效');
    for (const m of MISSING) {
      const zh = keptLabelText({ kind: 'none', reason: missingReason(m), missing: m }, i18n);
      expect(zh, m.code).toMatch(CJK);
      if (m.code === 'untrusted') expect(zh).toContain('https://cdn.example:8443');
      if (m.code === 'untrusted') expect(zh).toContain('PICTURE_ORIGINS');
    }
  });

  it('passes the provider’s own words through unchanged', async () => {
    await activateLocale('zh-CN');
    expect(jobText('Banned prompt: "gore"', i18n)).toBe('Banned prompt: "gore"');
  });
});

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
