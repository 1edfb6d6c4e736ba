import { describe, expect, it } from 'vitest';
import type { PreloadHost } from './browser-host';
import { ChunkLoadError } from './chunk-load-error';
import { prefetch, retryingPreload, type Preload } from './retrying-preload';

const BASE = 'https://studio.test/';

/**
 * A browser for the retrying preload: `down` lists the files whose fetches fail (each entry is
 * one failed fetch, `Infinity` for all of them), every call is recorded, and waits are recorded
 * instead of waited.
 */
function fakeBrowser(down: Record<string, number> = {}, options: { online?: () => boolean } = {}) {
  const log: string[] = [];
  const pauses: number[] = [];
  const host: PreloadHost = {
    resolve: (dep) => BASE + dep,
    warm: async (url) => {
      const file = url.slice(BASE.length);
      log.push(`fetch ${file}`);
      if ((down[file] ?? 0) > 0) {
        down[file]!--;
        throw new TypeError('Failed to fetch');
      }
    },
    style: async (url) => void log.push(`style ${url.slice(BASE.length)}`),
    pause: async (ms) => void pauses.push(ms),
    online: options.online ?? (() => true),
    pageFiles: () => [BASE + 'assets/index.js'],
  };
  return { host, log, pauses };
}

/** Vite's helper as far as the mechanism sees it: it runs the import. */
const vitePreload: Preload = (baseModule) => baseModule();

/** An import that records itself, and fails `failures` times first (a cut-off module fetch). */
function chunk(log: string[], failures = 0) {
  return async () => {
    log.push('import');
    if (failures-- > 0) throw new TypeError('Failed to fetch dynamically imported module');
    return { part: 'loaded' };
  };
}

const DEPS = ['assets/editor.js', 'assets/shared.js', 'assets/index.js', 'assets/editor.css'];

describe('retryingPreload', () => {
  it('fetches the chunk and every file it imports, applies its styles, then imports it', async () => {
    const { host, log } = fakeBrowser();
    const preload = retryingPreload(vitePreload, host);
    await expect(preload(chunk(log), DEPS)).resolves.toEqual({ part: 'loaded' });
    // The page's own entry is in already: never fetched again.
    expect(log).toEqual([
      'fetch assets/editor.js',
      'fetch assets/shared.js',
      'fetch assets/editor.css',
      'style assets/editor.css',
      'import',
    ]);
  });

  it('a dropped request is fetched again after 0.5 s, and the import runs once, after it came', async () => {
    const { host, log, pauses } = fakeBrowser({ 'assets/shared.js': 1 });
    const preload = retryingPreload(vitePreload, host);
    await expect(preload(chunk(log), DEPS)).resolves.toEqual({ part: 'loaded' });
    expect(pauses).toEqual([500]);
    // The module loader never met the missing file (a browser would have kept that failure).
    expect(log.filter((l) => l === 'import')).toHaveLength(1);
    expect(log.indexOf('import')).toBeGreaterThan(log.lastIndexOf('fetch assets/shared.js'));
    // What had come is not fetched again.
    expect(log.filter((l) => l === 'fetch assets/editor.js')).toHaveLength(1);
  });

  it('backs off 0.5 s, 1 s and 2 s, then gives up with a ChunkLoadError, never importing', async () => {
    const { host, log, pauses } = fakeBrowser({ 'assets/editor.js': Infinity });
    const preload = retryingPreload(vitePreload, host);
    const failure = preload(chunk(log), DEPS);
    await expect(failure).rejects.toBeInstanceOf(ChunkLoadError);
    await expect(failure).rejects.toThrow('Failed to fetch');
    expect(pauses).toEqual([500, 1000, 2000]);
    expect(log).not.toContain('import');
  });

  it('offline, it gives up at once: the network’s return asks again', async () => {
    const { host, log, pauses } = fakeBrowser(
      { 'assets/editor.js': Infinity },
      { online: () => false },
    );
    await expect(retryingPreload(vitePreload, host)(chunk(log), DEPS)).rejects.toBeInstanceOf(
      ChunkLoadError,
    );
    expect(pauses).toEqual([]);
  });

  it('gone offline after the files came: the import is not run (its fetch would fail for good)', async () => {
    let online = true;
    const { host, log } = fakeBrowser({}, { online: () => online });
    const warm = host.warm;
    host.warm = async (url) => {
      await warm(url);
      online = false;
    };
    await expect(retryingPreload(vitePreload, host)(chunk(log), DEPS)).rejects.toThrow('Offline');
    expect(log).not.toContain('import');
  });

  it('an import that fails after its files came fetches them all again, then imports', async () => {
    const { host, log, pauses } = fakeBrowser();
    const preload = retryingPreload(vitePreload, host);
    await expect(preload(chunk(log, 1), DEPS)).resolves.toEqual({ part: 'loaded' });
    expect(pauses).toEqual([500]);
    expect(log.filter((l) => l === 'fetch assets/shared.js')).toHaveLength(2);
    expect(log.filter((l) => l === 'import')).toHaveLength(2);
  });

  it('keeps nothing of a failure: the next load of the same part fetches and succeeds', async () => {
    const down = { 'assets/editor.js': 4 };
    const { host, log } = fakeBrowser(down);
    const preload = retryingPreload(vitePreload, host);
    await expect(preload(chunk(log), DEPS)).rejects.toBeInstanceOf(ChunkLoadError);
    await expect(preload(chunk(log), DEPS)).resolves.toEqual({ part: 'loaded' });
    expect(log.filter((l) => l === 'import')).toHaveLength(1);
  });

  it('loads at once share a fetch, and a file that came is not fetched for a later part', async () => {
    const { host, log } = fakeBrowser();
    const preload = retryingPreload(vitePreload, host);
    await Promise.all([preload(chunk(log), DEPS), preload(chunk(log), DEPS)]);
    await preload(chunk(log), ['assets/history.js', 'assets/shared.js']);
    expect(log.filter((l) => l.startsWith('fetch'))).toEqual([
      'fetch assets/editor.js',
      'fetch assets/shared.js',
      'fetch assets/editor.css',
      'fetch assets/history.js',
    ]);
  });

  it('a chunk that needs nothing else is still fetched first (its own file is in the list)', async () => {
    const { host, log } = fakeBrowser({ 'assets/catalog-zh-cn.js': 1 });
    const preload = retryingPreload(vitePreload, host);
    await expect(preload(chunk(log), ['assets/catalog-zh-cn.js'])).resolves.toBeTruthy();
    expect(log).toEqual([
      'fetch assets/catalog-zh-cn.js',
      'fetch assets/catalog-zh-cn.js',
      'import',
    ]);
  });
});

describe('prefetch', () => {
  it('fetches the files an import needs, with retries, and never imports them', async () => {
    const { host, log, pauses } = fakeBrowser({ 'assets/client.js': 1 });
    const preload = retryingPreload(vitePreload, host);
    await prefetch(() => preload(chunk(log), ['assets/client.js', 'assets/shared.js']));
    expect(pauses).toEqual([500]);
    expect(log).toEqual([
      'fetch assets/client.js',
      'fetch assets/shared.js',
      'fetch assets/client.js',
    ]);
    // Imported later, when needed: from what was fetched.
    await preload(chunk(log), ['assets/client.js', 'assets/shared.js']);
    expect(log.slice(3)).toEqual(['import']);
  });
});
