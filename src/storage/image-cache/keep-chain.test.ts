import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createPersistence, type Persistence } from '../persistence/persistence';
import { keptBytes } from './kept-bytes';
import { i18n } from '@lingui/core';
import type { KeptCopy } from './kept-copy';
import { keptLabelText } from './kept-label';

import { memoryCache } from '../fixtures/memory-cache';
import { reasonOf } from '../../api/message';
import { say } from '../../i18n/say';

/** Why Download refused, as the person reads it. */
const refusal = (saving: Promise<unknown>) =>
  saving.then(
    () => '',
    (e: unknown) => say(reasonOf(e), i18n),
  );

const keptLabel = (copy: KeptCopy) => keptLabelText(copy, i18n);

const PIC = 'https://cdn.example/p.png?ex=ffffffff&hm=1';
const cleanups: Persistence[] = [];
afterEach(() => cleanups.splice(0).forEach((p) => p.close()));

/** A CDN and relay in words: which requests answer with bytes, and a Cache Storage stand-in. */
function world(opts: { cors: boolean; relayUp: boolean; cdnDead?: boolean }) {
  const asked: string[] = [];
  const stored = new Map<string, Response>();
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    asked.push(`${init?.mode ?? 'default'} ${url}`);
    if (opts.cdnDead) return new Response('gone', { status: 404 });
    if (url.startsWith('/relay?url='))
      return opts.relayUp
        ? new Response(new Uint8Array([7, 7, 7]), { headers: { 'content-type': 'image/png' } })
        : new Response('no relay', { status: 404 });
    if (init?.mode === 'no-cors') return { type: 'opaque', ok: false, status: 0 } as Response;
    if (!opts.cors) throw new TypeError('Failed to fetch (CORS)');
    return new Response(new Uint8Array([1, 2, 3]), { headers: { 'content-type': 'image/png' } });
  }) as typeof fetch;
  const cache = memoryCache(stored);
  const staging = memoryCache();
  return { asked, stored, fetchImpl, cache, staging };
}

function tab(w: ReturnType<typeof world>, relay: string | null, offlineCache: boolean) {
  const persistence = createPersistence({
    dbName: `keep-chain-${Math.random()}`,
    fetch: w.fetchImpl,
    copyMeans: () => ({ relay, offlineCache }),
    pictureCache: async () => w.cache,
    stagingCache: async () => w.staging,
    // The opaque pictures of this world decode (see keep-later.test.ts for ones that do not).
    decodes: async () => true,
  });
  cleanups.push(persistence);
  return persistence;
}

describe('keeping a copy: the best means there is', () => {
  it('CORS allowed: a blob read directly', async () => {
    const w = world({ cors: true, relayUp: true });
    const p = tab(w, '/relay', true);
    expect(await p.cacheImage(PIC)).toBe(true);
    expect(await p.keptCopy(PIC)).toEqual({ kind: 'blob' });
    expect(w.asked).toEqual([`cors ${PIC}`]);
    expect([...new Uint8Array(await (await p.keptBlob(PIC))!.arrayBuffer())]).toEqual([1, 2, 3]);
  });

  it('no CORS, a relay: a blob read through the relay', async () => {
    const w = world({ cors: false, relayUp: true });
    const p = tab(w, '/relay', true);
    expect(await p.cacheImage(PIC)).toBe(true);
    expect(await p.keptCopy(PIC)).toEqual({ kind: 'relay' });
    expect(w.stored.size).toBe(0);
    const bytes = await keptBytes({ persistence: p, relay: '/relay', fetch: w.fetchImpl }, PIC);
    expect([...new Uint8Array(await bytes.arrayBuffer())]).toEqual([7, 7, 7]);
  });

  it('no CORS, no relay: the opaque response goes to Cache Storage; Download says why not', async () => {
    const w = world({ cors: false, relayUp: false });
    const p = tab(w, null, true);
    expect(await p.cacheImage(PIC)).toBe(false);
    expect(await p.keptCopy(PIC)).toEqual({ kind: 'offline' });
    expect([...w.stored.keys()]).toEqual([PIC]);
    expect(w.asked).toEqual([`cors ${PIC}`, `no-cors ${PIC}`]);
    expect(
      await refusal(keptBytes({ persistence: p, relay: null, fetch: w.fetchImpl }, PIC)),
    ).toMatch(
      /^Download is not possible here: the picture host allows no cross-origin reads and this host has no relay/,
    );
  });

  it('nothing available: not kept, with the reason', async () => {
    const w = world({ cors: false, relayUp: false });
    const p = tab(w, null, false);
    expect(await p.cacheImage(PIC)).toBe(false);
    expect(await p.keptCopy(PIC)).toEqual({
      kind: 'none',
      reason: { code: 'copy.no-means' },
    });
  });

  it('a dead link: not kept, and Download says the link is dead', async () => {
    const w = world({ cors: true, relayUp: true, cdnDead: true });
    const p = tab(w, '/relay', false);
    expect(await p.cacheImage(PIC)).toBe(false);
    expect(await p.keptCopy(PIC)).toEqual({
      kind: 'none',
      reason: { code: 'copy.link-dead' },
      missing: { code: 'lost' },
    });
    expect(
      await refusal(keptBytes({ persistence: p, relay: '/relay', fetch: w.fetchImpl }, PIC)),
    ).toMatch('Download is not possible: the link is dead (HTTP 404) and no copy was kept.');
  });

  it('an expired link is not fetched for Download', async () => {
    const w = world({ cors: true, relayUp: true });
    const p = tab(w, '/relay', false);
    // ex=10 is 0x10 = 16 s after the epoch.
    const old = 'https://cdn.example/p.png?ex=10';
    expect(
      await refusal(
        keptBytes({ persistence: p, relay: '/relay', fetch: w.fetchImpl, now: () => 16_000 }, old),
      ),
    ).toMatch('Download is not possible: the link has expired and no copy was kept.');
    expect(w.asked).toEqual([]);
  });

  it('after a reload every kind is still told; a link never kept says no copy yet, or lost', async () => {
    const dbName = `keep-chain-reload-${Math.random()}`;
    const opened = (w: ReturnType<typeof world>, relay: string | null) => {
      const p = createPersistence({
        dbName,
        fetch: w.fetchImpl,
        copyMeans: () => ({ relay, offlineCache: true }),
        pictureCache: async () => w.cache,
      });
      cleanups.push(p);
      return p;
    };
    const w = world({ cors: false, relayUp: true });
    const before = opened(w, '/relay');
    const relayed = 'https://cdn.example/r.png?ex=ffffffff';
    expect(await before.cacheImage(relayed)).toBe(true);
    const opaque = 'https://cdn.example/o.png?ex=ffffffff';
    w.stored.set(opaque, new Response(null));
    before.close();

    const after = opened(w, '/relay');
    expect(keptLabel(await after.keptCopy(relayed))).toBe('Kept: via the studio server');
    expect(keptLabel(await after.keptCopy(opaque))).toBe('Kept: by the offline cache');
    expect(keptLabel(await after.keptCopy('https://cdn.example/gone.png?ex=10'))).toBe(
      'Copy lost: the link expired (or is dead) before a copy could be kept.',
    );
    expect(keptLabel(await after.keptCopy(PIC))).toBe(
      'No copy yet in this browser; it is kept while the link lives.',
    );
  });

  it('deleting a job deletes its offline copy too; Undo puts the very copy back', async () => {
    const w = world({ cors: false, relayUp: false });
    const p = tab(w, null, true);
    await p.cacheImage(PIC);
    const copy = w.stored.get(PIC);
    const job = {
      id: 'j',
      status: 'succeeded',
      request: { prompt: 'x' },
      result: { raw_image_url: PIC, actions: [] },
      createdAt: 1,
      updatedAt: 1,
      attempts: 1,
    } as never;
    await p.saveJob(job);
    await p.deleteJobs(['j']);
    expect(w.stored.has(PIC)).toBe(false);
    expect((await p.keptCopy(PIC)).kind).toBe('none');
    await p.restoreDeleted(['j']);
    expect(w.stored.get(PIC)).toBe(copy);
    expect(await p.keptCopy(PIC)).toEqual({ kind: 'offline' });
  });
});

describe('keeping a clip: only a readable copy plays', () => {
  const CLIP = 'https://cdn.example/video/v1/0_1.mp4?ex=ffffffff';
  const NEVER = { code: 'copy.clip-no-relay' };

  it('no CORS, a relay: the clip is kept readable through the relay, and Download gives its bytes after the link expired', async () => {
    const w = world({ cors: false, relayUp: true });
    const p = tab(w, '/relay', true);
    expect(await p.cacheImage(CLIP)).toBe(true);
    expect(await p.keptCopy(CLIP)).toEqual({ kind: 'relay' });
    const deadFetch = (async () => new Response('gone', { status: 404 })) as typeof fetch;
    const bytes = await keptBytes({ persistence: p, relay: '/relay', fetch: deadFetch }, CLIP);
    expect([...new Uint8Array(await bytes.arrayBuffer())]).toEqual([7, 7, 7]);
  });

  it('no CORS, no relay: no opaque copy is stored (a video cannot play from one), and the reason says so, also in a new tab', async () => {
    const w = world({ cors: false, relayUp: false });
    const p = tab(w, null, true);
    expect(await p.cacheImage(CLIP)).toBe(false);
    expect(w.stored.size).toBe(0);
    expect(w.asked).toEqual([`cors ${CLIP}`]);
    expect(await p.keptCopy(CLIP)).toEqual({ kind: 'none', reason: NEVER });
    const again = createPersistence({
      dbName: p.dbName,
      fetch: w.fetchImpl,
      copyMeans: () => ({ relay: null, offlineCache: true }),
      pictureCache: async () => w.cache,
    });
    cleanups.push(again);
    expect(await again.keptCopy(CLIP)).toEqual({ kind: 'none', reason: NEVER });
  });
});

describe('a host that refuses direct reads is asked once', () => {
  const PIC2 = 'https://cdn.example/q.png?ex=ffffffff&hm=2';

  it('the next picture from it goes straight to the relay: one console error, not one a picture', async () => {
    const w = world({ cors: false, relayUp: true });
    const p = tab(w, '/relay', true);
    expect(await p.cacheImage(PIC)).toBe(true);
    expect(await p.cacheImage(PIC2)).toBe(true);
    expect(w.asked).toEqual([
      `cors ${PIC}`,
      `default /relay?url=${encodeURIComponent(PIC)}`,
      `default /relay?url=${encodeURIComponent(PIC2)}`,
    ]);
    expect(await p.keptCopy(PIC2)).toEqual({ kind: 'relay' });
  });

  it('a failure that no other means got past either is not taken for a refusal', async () => {
    const w = world({ cors: false, relayUp: false });
    const p = tab(w, '/relay', false);
    expect(await p.cacheImage(PIC)).toBe(false);
    expect(await p.cacheImage(PIC2)).toBe(false);
    expect(w.asked.filter((a) => a.startsWith('cors '))).toEqual([`cors ${PIC}`, `cors ${PIC2}`]);
  });
});
