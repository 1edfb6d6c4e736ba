// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadPicture } from './use-loaded-src';

afterEach(() => vi.restoreAllMocks());

/** Pictures whose src was set, and a way to make each load or fail (jsdom fetches none). */
function controlLoads() {
  const asked: HTMLImageElement[] = [];
  const srcSetter = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'src')!.set!;
  vi.spyOn(HTMLImageElement.prototype, 'src', 'set').mockImplementation(function (
    this: HTMLImageElement,
    value: string,
  ) {
    srcSetter.call(this, value);
    asked.push(this);
  });
  return asked;
}

describe('loadPicture', () => {
  it('resolves once the picture has loaded, fetching each URL once, with high priority', async () => {
    const asked = controlLoads();
    let ready = false;
    const first = loadPicture('https://cdn.example/a.webp').then(() => (ready = true));
    const again = loadPicture('https://cdn.example/a.webp');
    expect(asked.map((img) => img.src)).toEqual(['https://cdn.example/a.webp']);
    expect(asked[0]!.fetchPriority).toBe('high');
    await Promise.resolve();
    expect(ready).toBe(false);
    asked[0]!.dispatchEvent(new Event('load'));
    await first;
    await again;
    expect(ready).toBe(true);
  });

  it('tries a picture that failed again on the next call', async () => {
    const asked = controlLoads();
    const failed = loadPicture('https://cdn.example/b.webp');
    asked[0]!.dispatchEvent(new Event('error'));
    await expect(failed).rejects.toThrow('did not load');
    void loadPicture('https://cdn.example/b.webp');
    expect(asked.map((img) => img.src)).toEqual([
      'https://cdn.example/b.webp',
      'https://cdn.example/b.webp',
    ]);
  });
});
