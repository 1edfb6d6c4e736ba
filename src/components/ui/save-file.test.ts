// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ImageHostError, downloadImage, saveBlob } from './save-file';
import { i18n } from '@lingui/core';
import { reasonOf } from '../../api/message';
import { say } from '../../i18n/say';

/** What each click on an `<a download>` would have saved. */
let clicks: { href: string; name: string; inDocument: boolean }[];
const blobs = new Map<string, Blob>();
const revoked: string[] = [];
const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };

beforeEach(() => {
  clicks = [];
  blobs.clear();
  revoked.length = 0;
  vi.useFakeTimers();
  URL.createObjectURL = (blob: Blob) => {
    const href = `blob:test/${blobs.size}`;
    blobs.set(href, blob);
    return href;
  };
  URL.revokeObjectURL = (href: string) => void revoked.push(href);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    clicks.push({
      href: this.getAttribute('href') ?? '',
      name: this.download,
      inDocument: document.body.contains(this),
    });
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  vi.useRealTimers();
  URL.createObjectURL = original.create;
  URL.revokeObjectURL = original.revoke;
});

describe('saveBlob', () => {
  it('clicks a temporary download link and revokes its URL later', async () => {
    saveBlob(new Blob(['{"a":1}'], { type: 'application/json' }), 'export.json');
    expect(clicks).toEqual([{ href: 'blob:test/0', name: 'export.json', inDocument: true }]);
    expect(await blobs.get('blob:test/0')!.text()).toBe('{"a":1}');
    expect(document.querySelector('a')).toBeNull();
    expect(revoked).toEqual([]);
    vi.advanceTimersByTime(60_000);
    expect(revoked).toEqual(['blob:test/0']);
  });
});

describe('downloadImage', () => {
  it('saves the fetched bytes under a name from the prompt and the type', async () => {
    const requests: { url: string; init: RequestInit | undefined }[] = [];
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      requests.push({ url, init });
      return new Response('webp bytes', { headers: { 'content-type': 'image/webp' } });
    });
    await downloadImage('https://img.test/a.png?sig=1', 'A red fox --ar 16:9');
    expect(requests).toEqual([
      {
        url: 'https://img.test/a.png?sig=1',
        init: { credentials: 'omit', referrerPolicy: 'no-referrer' },
      },
    ]);
    expect(clicks).toEqual([{ href: 'blob:test/0', name: 'a-red-fox.webp', inDocument: true }]);
    expect(await blobs.get('blob:test/0')!.text()).toBe('webp bytes');
  });

  it('opens the URL itself when CORS forbids reading the bytes', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    await downloadImage('https://img.test/b.jpeg', 'Café au lait');
    expect(clicks).toEqual([
      { href: 'https://img.test/b.jpeg', name: 'cafe-au-lait.jpg', inDocument: true },
    ]);
    expect(blobs.size).toBe(0);
  });

  it('says the link may have expired when the host answers an HTTP error', async () => {
    vi.stubGlobal('fetch', async () => new Response('gone', { status: 403 }));
    const saving = downloadImage('https://img.test/c.png', 'a fox');
    await expect(saving).rejects.toThrow(
      'The image host answered HTTP 403; the link may have expired.',
    );
    await expect(saving).rejects.toBeInstanceOf(ImageHostError);
    expect(clicks).toEqual([]);
  });

  it('never fetches nor opens a javascript: link, and says why', async () => {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', (url: string) => {
      fetched.push(url);
      return Promise.reject(new TypeError('Failed to fetch'));
    });
    for (const url of [
      'javascript:alert(1)',
      ' JaVa\tScRiPt:alert(1)',
      'data:text/html,<b>x</b>',
    ]) {
      const saving = downloadImage(url, 'a fox');
      // The person reads why, in words.
      expect(await saving.then(String, (e: unknown) => say(reasonOf(e), i18n))).toMatch(
        /only http\(s\)/,
      );
    }
    expect(fetched).toEqual([]);
    expect(clicks).toEqual([]);
  });
});
