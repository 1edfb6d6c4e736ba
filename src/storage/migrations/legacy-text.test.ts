import { beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '@lingui/core';
import type { Msg } from '../../api/message';
import { activateLocale } from '../../i18n/activate';
import { say } from '../../i18n/say';
import { loadLegacyText, type LegacyText } from './legacy-text';

let legacy: LegacyText;
beforeAll(async () => {
  legacy = await loadLegacyText();
});

const m = (code: string, params?: Msg['params']): Msg => (params ? { code, params } : { code });

/** Sentences older studios stored, word for word, and the message each one is. */
const STORED: [string, Msg][] = [
  [
    'The service no longer knows this task (it may have restarted). Retry to generate again.',
    m('job.unknown-task'),
  ],
  [
    'The service has no record of this request; it probably never arrived. Retry to send it again.',
    m('job.never-arrived'),
  ],
  [
    'The answer was lost and this kind of request cannot be looked up. Retry to send it again.',
    m('job.no-lookup'),
  ],
  [
    'Cancelled here. The service may still finish this task (and charge for it); use Check again to fetch the result.',
    m('job.cancelled-after-send'),
  ],
  ['Cancelled before it was sent; nothing was charged.', m('job.cancelled-before-send')],
  [
    'A picture link was refused: only http(s), blob: and data:image links are shown.',
    m('api.refused-url'),
  ],
  [
    'Left out of the request (unknown or not allowed): callback_url, webhook.',
    m('job.dropped-fields', { fields: 'callback_url, webhook' }),
  ],
  [
    'Could not check: the link had already expired or was dead',
    m('job.check-failed', { reason: m('copy.link-dead') }),
  ],
  ['Could not check: The request timed out.', m('job.check-failed', { reason: m('api.timeout') })],
  ['The service has no record of this task.', m('job.no-record')],
  [
    'Imported while it was still in progress; use Check again to look it up.',
    m('job.imported-running'),
  ],
  ['The task failed.', m('api.task-failed')],
  ['The task failed (banned_prompt).', m('api.task-failed-code', { code: 'banned_prompt' })],
  ['The request was cancelled.', m('api.cancelled')],
  ['The request timed out.', m('api.timeout')],
  ['The request failed.', m('api.failed')],
  [
    'Could not reach the server: fetch failed (ECONNREFUSED)',
    m('api.unreachable', { detail: 'fetch failed (ECONNREFUSED)' }),
  ],
  [
    'HTTP 502 Bad Gateway from the server',
    m('api.http-reason', { status: '502', reason: 'Bad Gateway' }),
  ],
  ['HTTP 599 from the server', m('api.http', { status: '599' })],
  ['The stream was cut off before the image was finished', m('api.stream-cut')],
  [
    'The stream was cut off at 40% before the image was finished',
    m('api.stream-cut-at', { progress: '40' }),
  ],
  ['The stream ended before the image was finished', m('api.stream-ended')],
  [
    'The stream ended at 40% before the image was finished',
    m('api.stream-ended-at', { progress: '40' }),
  ],
  ['The task finished without an image.', m('picture.no-image')],
  ['The service described nothing.', m('describe.nothing')],
  ['The video task failed.', m('videos.failed')],
  ['The video task finished without clips.', m('videos.no-clips')],
  ['The reply is not JSON.', m('job.reply-not-json')],
  ['The reply does not match the contract.', m('job.reply-mismatch')],
  [
    'Line 3 of the stream is not valid JSON: oops',
    m('api.line-not-json', { line: '3', text: 'oops' }),
  ],
  [
    'Stream line 2 does not match the contract (progress: Invalid input)',
    m('api.mismatch', {
      what: m('api.stream-line', { line: '2' }),
      issues: 'progress: Invalid input',
    }),
  ],
  [
    'The studio failed on this job: TypeError: x is undefined',
    m('job.bug', { error: 'TypeError: x is undefined' }),
  ],
  // Worded in the page's language when they were made, so stored in Chinese too.
  ['任务失败。', m('api.task-failed')],
  ['任务失败（banned_prompt）。', m('api.task-failed-code', { code: 'banned_prompt' })],
  ['服务无法完成此操作（bad_request）。', m('api.service-failed-code', { code: 'bad_request' })],
  ['视频任务失败。', m('videos.failed')],
];

describe('legacyText', () => {
  it('turns every sentence an older studio stored into its message', () => {
    for (const [sentence, expected] of STORED)
      expect(legacy.toMsg(sentence), sentence).toEqual(expected);
  });

  it('leaves the provider’s own words alone', () => {
    for (const said of [
      'Banned prompt: "gore"',
      'You have exceeded the rate limit.',
      'HTTP 502 Bad Gateway from the server: upstream connect error',
    ])
      expect(legacy.toMsg(said)).toBeUndefined();
  });

  it('keeps of a lineage label only the words: the action, "Untitled" and "Clip N of" go', () => {
    const parent = (action: string, label: string) => ({
      parent: { jobId: 'p', imageId: 'i', action, label },
    });
    expect(legacy.job(parent('describe', 'Describe')).parent).toEqual({
      jobId: 'p',
      imageId: 'i',
      action: 'describe',
    });
    expect(legacy.job(parent('edit', 'Edit')).parent).not.toHaveProperty('label');
    expect(legacy.job(parent('animate', 'Untitled')).parent).not.toHaveProperty('label');
    expect(legacy.job(parent('animate', '无标题')).parent).not.toHaveProperty('label');
    expect(legacy.job(parent('extend', 'Clip 2 of waves roll in')).parent).toMatchObject({
      label: 'waves roll in',
    });
    expect(legacy.job(parent('extend', 'Clip 1 of 无标题')).parent).not.toHaveProperty('label');
    // A person's words stay, and the record is the same one (nothing to rewrite).
    const own = parent('upscale2', 'Describe the sea');
    expect(legacy.job(own)).toBe(own);
  });

  it('words each message as the sentence was, in English and in Chinese', async () => {
    for (const [sentence, msg] of STORED) {
      if (/[\u4e00-\u9fff]/.test(sentence)) continue;
      expect(say(msg, i18n)).toBe(sentence);
    }
    await activateLocale('zh-CN');
    try {
      for (const [sentence, msg] of STORED) {
        const zh = say(msg, i18n);
        expect(zh, sentence).toMatch(/[\u4e00-\u9fff]/);
      }
    } finally {
      await activateLocale('en');
    }
  });
});
