// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserHost } from './browser-host';

afterEach(() => {
  vi.useRealTimers();
  document.head.replaceChildren();
});

describe('browserHost', () => {
  it('a wait ends when the network comes back, before its time', async () => {
    vi.useFakeTimers();
    let done = false;
    void browserHost()
      .pause(8000)
      .then(() => (done = true));
    await vi.advanceTimersByTimeAsync(100);
    expect(done).toBe(false);
    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);
  });

  it('a wait ends after its time without the network', async () => {
    vi.useFakeTimers();
    let done = false;
    void browserHost()
      .pause(500)
      .then(() => (done = true));
    await vi.advanceTimersByTimeAsync(499);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });

  it('names the files the page started with: its scripts, module preloads and styles', () => {
    document.head.innerHTML = [
      '<script type="module" src="/assets/index.js"></script>',
      '<link rel="modulepreload" href="/assets/react.js">',
      '<link rel="stylesheet" href="/assets/index.css">',
      '<link rel="icon" href="/favicon.svg">',
    ].join('');
    const origin = location.origin;
    expect(browserHost().pageFiles()).toEqual([
      `${origin}/assets/index.js`,
      `${origin}/assets/react.js`,
      `${origin}/assets/index.css`,
    ]);
  });

  it('reads a dependency from the base, or from its importer when the build gives one', () => {
    const host = browserHost();
    expect(host.resolve('assets/x.js')).toBe(`${location.origin}/assets/x.js`);
    expect(host.resolve('./x.js', 'https://cdn.test/app/assets/y.js')).toBe(
      'https://cdn.test/app/assets/x.js',
    );
  });

  it('a stylesheet that fails is removed, so the next try adds a fresh one', async () => {
    const applying = browserHost().style(`${location.origin}/assets/editor.css`);
    const link = document.head.querySelector('link[rel="stylesheet"]')!;
    link.dispatchEvent(new Event('error'));
    await expect(applying).rejects.toThrow('stylesheet');
    expect(document.head.querySelector('link')).toBeNull();
  });

  it('fetches a file whole, and an HTTP error is a failure', async () => {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return new Response('x', { status: url.endsWith('gone.js') ? 404 : 200 });
    });
    try {
      await expect(browserHost().warm('/assets/here.js')).resolves.toBeUndefined();
      await expect(browserHost().warm('/assets/gone.js')).rejects.toThrow('HTTP 404');
      expect(fetched).toEqual(['/assets/here.js', '/assets/gone.js']);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
