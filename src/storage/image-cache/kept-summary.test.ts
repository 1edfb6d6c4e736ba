import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createPersistence, type Persistence } from '../persistence/persistence';
import { memoryCache } from '../fixtures/memory-cache';
import { formatBytes, keptSummaryDetails, keptSummaryLine, type KeptSummary } from './kept-summary';

const cleanups: Persistence[] = [];
afterEach(() => cleanups.splice(0).forEach((p) => p.close()));

/**
 * Picture hosts: the one of `cors/` paths allows cross-origin reads, the one of `opaque/` paths
 * does not (and no relay answers for it); a relay that reads `relay/` paths; Cache Storage in
 * memory.
 */
function tab() {
  const stored = new Map<string, Response>();
  const bytes = (n: number, type: string) =>
    new Response(new Uint8Array(n).fill(1), { headers: { 'content-type': type } });
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const type = url.includes('.mp4') ? 'video/mp4' : 'image/png';
    if (url.startsWith('/relay?url=')) {
      const target = decodeURIComponent(url.slice('/relay?url='.length));
      if (target.includes('/relay/')) return bytes(3000, type);
      return new Response('no', { status: 502 });
    }
    if (init?.mode === 'no-cors') return { type: 'opaque', ok: false, status: 0 } as Response;
    if (url.includes('/cors/')) return bytes(url.includes('.mp4') ? 50_000 : 2000, type);
    throw new TypeError('Failed to fetch (CORS)');
  }) as typeof fetch;
  const cache = memoryCache(stored);
  const staging = memoryCache();
  const persistence = createPersistence({
    dbName: `kept-summary-${Math.random()}`,
    fetch: fetchImpl,
    copyMeans: () => ({ relay: '/relay', offlineCache: true }),
    pictureCache: async () => cache,
    stagingCache: async () => staging,
    // Every opaque picture decodes here.
    decodes: async () => true,
    // A thumbnail a tenth of the picture's size.
    thumbnail: async (blob) => ({
      blob: new Blob([new Uint8Array(Math.ceil(blob.size / 10))]),
      width: 1,
      height: 1,
    }),
  });
  cleanups.push(persistence);
  return Object.assign(persistence, { stored });
}

/**
 * A picture on its own host per behaviour (`cors/…` on cors.example, `relay/…` on relay.example,
 * `opaque/…` on opaque.example): a host allows cross-origin reads or not as a whole, and the
 * studio remembers a host that refused (cors-memory.ts).
 */
const at = (path: string) => `https://${path.split('/')[0]}.example/${path}`;

describe('keptSummary: every kind of kept copy counted', () => {
  it('counts readable pictures by how they came, clips apart, thumbnails, and opaque copies', async () => {
    const p = tab();
    for (const path of ['cors/a.png', 'cors/b.png', 'relay/c.png', 'cors/v/0_0.mp4']) {
      await p.cacheImage(at(path));
    }
    await p.cacheImage(at('opaque/d.png'));
    // An opaque clip an earlier version of the studio kept (clips no longer go there).
    p.stored.set(at('opaque/v/0_1.mp4'), new Response(null));
    await p.thumbUrlFor(at('cors/a.png'));
    expect((await p.keptCopy(at('opaque/d.png'))).kind).toBe('offline');

    const summary = await p.keptSummary();
    expect(summary).toMatchObject({
      pictures: { count: 3, bytes: 7000, direct: 2, relay: 1 },
      clips: { count: 1, bytes: 50_000 },
      thumbnails: { count: 1, bytes: 200 },
      offline: { pictures: 1, clips: 1 },
    });
    expect(keptSummaryLine(summary)).toBe(
      'Kept copies: 3 pictures (7 KB) · 2 in offline cache · 1 clip (50 KB)',
    );
    const details = keptSummaryDetails(summary).join('\n');
    expect(details).toContain('2 read directly from the picture host, 1 through the studio server');
    expect(details).toContain('1 thumbnail (1 KB)');
    expect(details).toMatch(/Offline cache: 1 picture and 1 clip, .*cannot be downloaded/);
  });

  it('says so when nothing is kept, and counts again after a delete', async () => {
    const p = tab();
    expect(keptSummaryLine(await p.keptSummary())).toBe('Kept copies: none yet');
    const url = at('cors/a.png');
    await p.cacheImage(url);
    await p.saveJob({
      id: 'a',
      status: 'succeeded',
      request: { prompt: 'x' },
      result: { raw_image_url: url, actions: [] },
      createdAt: 1,
      updatedAt: 1,
      attempts: 1,
    } as never);
    expect((await p.keptSummary()).pictures.count).toBe(1);
    await p.deleteJobs(['a']);
    expect((await p.keptSummary()).pictures.count).toBe(0);
  });
});

describe('the summary in words', () => {
  const empty: KeptSummary = {
    pictures: { count: 0, bytes: 0, direct: 0, relay: 0 },
    clips: { count: 0, bytes: 0 },
    thumbnails: { count: 0, bytes: 0 },
    offline: { pictures: 0, clips: 0 },
    estimate: null,
  };

  it('weighs bytes as a person reads them', () => {
    expect(formatBytes(0)).toBe('0 KB');
    expect(formatBytes(120)).toBe('1 KB');
    expect(formatBytes(18_200_000)).toBe('18.2 MB');
    expect(formatBytes(1_400_000_000)).toBe('1.4 GB');
  });

  it('names the browser estimate as the total, opaque copies included', () => {
    const s = {
      ...empty,
      offline: { pictures: 6, clips: 0 },
      estimate: { usage: 42e6, quota: 2e9 },
    };
    expect(keptSummaryLine(s)).toBe('Kept copies: 6 in offline cache');
    expect(keptSummaryDetails(s).at(-1)).toMatch(/This site uses 42\.0 MB of the 2\.0 GB/);
  });
});
