import { afterEach, beforeAll, expect, it } from 'vitest';
import { i18n } from '@lingui/core';
import { imagine } from '../api/client';
import { errorFromResponse } from '../api/error-response';
import { isApiError, toApiError } from '../api/errors';
import { activateLocale } from '../i18n/activate';
import { jobText } from './job-text';
import { jobKinds } from '../kinds/registry';

beforeAll(() => jobKinds().loadAll());
afterEach(() => activateLocale('en'));

const CJK = /[\u4e00-\u9fff]/;

/** The message of a stream that sends `lines` (NDJSON) and then ends, or breaks when `cut`. */
async function streamFailure(lines: object[], cut: boolean): Promise<string> {
  const text = lines.map((l) => JSON.stringify(l) + '\n').join('');
  let sent = false;
  const body = new ReadableStream<Uint8Array>({
    // The lines arrive first; then the connection breaks, or the stream ends.
    pull(controller) {
      if (!sent) {
        sent = true;
        if (text) return controller.enqueue(new TextEncoder().encode(text));
      }
      if (cut) controller.error(new TypeError('network error'));
      else controller.close();
    },
  });
  const fetch = async () =>
    new Response(body, { headers: { 'content-type': 'application/x-ndjson' } });
  try {
    for await (const _ of imagine(
      { baseUrl: '', fetch: fetch as typeof globalThis.fetch },
      { prompt: 'a kite' },
      { delivery: 'stream' },
    ));
  } catch (err) {
    if (isApiError(err)) return err.message;
    throw err;
  }
  throw new Error('expected the stream to fail');
}

const line = (progress: number) => ({
  success: true,
  task_id: 't1',
  progress,
  image_url: 'https://cdn.test/p.png',
});

/** The studio's own request failures, as the API client really words them. */
async function sentences(): Promise<string[]> {
  return [
    toApiError(new DOMException('stop', 'AbortError')).message,
    toApiError(new DOMException('slow', 'TimeoutError')).message,
    toApiError('').message,
    toApiError(new TypeError('fetch failed')).message,
    (await errorFromResponse(new Response('', { status: 502, statusText: 'Bad Gateway' }))).message,
    (await errorFromResponse(new Response('', { status: 599 }))).message,
    await streamFailure([line(40)], false),
    await streamFailure([], false),
    await streamFailure([line(40)], true),
  ];
}

it('the request failures the studio words itself read in Chinese, numbers and codes kept', async () => {
  const english = await sentences();
  for (const s of english) expect(jobText(s, i18n)).toBe(s);
  await activateLocale('zh-CN');
  for (const s of english) {
    const zh = jobText(s, i18n);
    expect(zh, s).toMatch(CJK);
    expect(zh, s).not.toMatch(/\b(the|was|could|before)\b/i);
  }
  expect(jobText(english[3]!, i18n)).toContain('fetch failed');
  expect(jobText(english[4]!, i18n)).toContain('502');
  expect(jobText(english[6]!, i18n)).toContain('40%');
  expect(jobText(english[8]!, i18n)).toContain('40%');
});
