// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadPicture } from './use-loaded-src';

afterEach(() => vi.restoreAllMocks());

/** `img.decode()` under test control: which images asked, and how to settle them. */
function controlDecode() {
  const asked: { src: string; resolve: () => void; reject: () => void }[] = [];
  vi.spyOn(HTMLImageElement.prototype, 'decode').mockImplementation(function (
    this: HTMLImageElement,
  ) {
    return new Promise<void>((resolve, reject) =>
      asked.push({ src: this.src, resolve, reject: () => reject(new Error('EncodingError')) }),
    );
  });
  return asked;
}

describe('loadPicture', () => {
  it('resolves once the picture is decoded, fetching each URL once', async () => {
    // jsdom has no decode(): the studio falls back to load events there; the spy gives it one.
    HTMLImageElement.prototype.decode ??= () => Promise.resolve();
    const asked = controlDecode();
    let ready = false;
    const first = loadPicture('https://cdn.example/a.webp').then(() => (ready = true));
    const again = loadPicture('https://cdn.example/a.webp');
    expect(asked.map((a) => a.src)).toEqual(['https://cdn.example/a.webp']);
    await Promise.resolve();
    expect(ready).toBe(false);
    asked[0]!.resolve();
    await first;
    await again;
    expect(ready).toBe(true);
  });

  it('tries a picture that failed again on the next call', async () => {
    HTMLImageElement.prototype.decode ??= () => Promise.resolve();
    const asked = controlDecode();
    const failed = loadPicture('https://cdn.example/b.webp');
    asked[0]!.reject();
    await expect(failed).rejects.toThrow();
    void loadPicture('https://cdn.example/b.webp');
    expect(asked.map((a) => a.src)).toEqual([
      'https://cdn.example/b.webp',
      'https://cdn.example/b.webp',
    ]);
  });
});
