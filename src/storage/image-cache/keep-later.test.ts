import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createPersistence, type Persistence } from '../persistence/persistence';
import { memoryCache } from '../fixtures/memory-cache';
import { createCopySweep } from '../../jobs/runner/copy-sweep';
import { i18n } from '@lingui/core';
import { pictureCheckUrl, type KeptCopy } from './kept-copy';
import { keptLabelText } from './kept-label';

import type { Decodes } from './keep-one';

const keptLabel = (copy: KeptCopy) => keptLabelText(copy, i18n);

const LIVE = 'https://cdn.example/p.png?ex=ffffffff';
const cleanups: Persistence[] = [];
afterEach(() => cleanups.splice(0).forEach((p) => p.close()));

/** An opaque response (its status hidden) that still holds `body`, for the decode check. */
function opaque(body: string): Response {
  const res = new Response(body);
  Object.defineProperties(res, {
    type: { value: 'opaque' },
    ok: { value: false },
    status: { value: 0 },
  });
  return res;
}

/** What the picture host and the relay answer, changeable as a test goes. */
interface Host {
  /** `up`: the picture; `503`: an error; `down`: no answer at all. */
  cdn: 'up' | '503' | 'down';
  /** The relay: none, reading the host, or refusing it as off its allow-list. */
  relay: 'none' | 'reads' | 'refuses';
  cors: boolean;
}

/** A tab on a host; opaque responses carry their bytes so the decode check can look at them. */
function tab(host: Host, opts: { online?: () => boolean; blocked?: Set<string> } = {}) {
  const asked: string[] = [];
  const picture = () => new Uint8Array([137, 80, 78, 71]);
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    asked.push(`${init?.mode ?? 'default'} ${url}`);
    if (url.startsWith('/relay?url=')) {
      if (host.relay === 'refuses')
        return Response.json(
          { error: { message: 'The relay does not fetch from https://cdn.example.' } },
          { status: 403 },
        );
      if (host.relay === 'none') return new Response('', { status: 404 });
      if (host.cdn !== 'up')
        return Response.json(
          { error: { message: "The picture's host answered 503." } },
          {
            status: 502,
          },
        );
      return new Response(picture(), { headers: { 'content-type': 'image/png' } });
    }
    if (host.cdn === 'down') throw new TypeError('Failed to fetch');
    if (init?.mode === 'no-cors') {
      // An opaque response: the status is hidden; what it holds only shows when decoded.
      return opaque(host.cdn === 'up' ? 'picture' : 'error 503');
    }
    if (!host.cors) throw new TypeError('Failed to fetch (CORS)');
    if (host.cdn === '503') return new Response('busy', { status: 503 });
    return new Response(picture(), { headers: { 'content-type': 'image/png' } });
  }) as typeof fetch;
  const kept = memoryCache();
  const staging = memoryCache();
  /** Decodes a check URL as the service worker would answer it: a picture, an error, nothing. */
  const decodes: Decodes = async (src) => {
    const url = new URL(src, 'https://studio.example');
    const from = url.searchParams.get('from') === 'kept' ? kept : staging;
    const copy = await from.match(url.searchParams.get('url') ?? '');
    return copy ? (await copy.clone().text()) === 'picture' : false;
  };
  const listeners = new Set<(origin: string) => void>();
  const blocked = opts.blocked ?? new Set<string>();
  const persistence = createPersistence({
    dbName: `keep-later-${Math.random()}`,
    fetch: fetchImpl,
    copyMeans: () => ({
      relay: host.relay === 'none' ? null : '/relay',
      offlineCache: true,
      online: opts.online?.() ?? true,
    }),
    pictureCache: async () => kept,
    stagingCache: async () => staging,
    decodes,
    blocked: {
      has: (origin) => blocked.has(origin),
      subscribe: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
    },
  });
  cleanups.push(persistence);
  const changes: string[] = [];
  persistence.onCopyChange((url) => changes.push(url));
  const block = (origin: string) => {
    blocked.add(origin);
    listeners.forEach((l) => l(origin));
  };
  return { persistence, asked, kept, staging, changes, block };
}

const missingCode = (copy: KeptCopy) => (copy.kind === 'none' ? copy.missing?.code : copy.kind);

describe('a copy that could not be kept is kept later', () => {
  it('offline: nothing is fetched, the card says so, and the network’s return keeps it', async () => {
    let online = false;
    const t = tab({ cdn: 'up', relay: 'reads', cors: false }, { online: () => online });
    expect(await t.persistence.cacheImage(LIVE)).toBe(false);
    expect(t.asked).toEqual([]);
    const copy = await t.persistence.keptCopy(LIVE);
    expect(keptLabel(copy)).toBe(
      'No copy yet: this browser is offline. It is kept when the network is back.',
    );
    expect(t.changes).toEqual([LIVE]);

    online = true;
    await t.persistence.keepMissing([LIVE]);
    expect(await t.persistence.keptCopy(LIVE)).toEqual({ kind: 'relay' });
    expect(t.changes).toEqual([LIVE, LIVE]);
    // Kept once: a second sweep finds it and fetches nothing.
    const before = t.asked.length;
    await t.persistence.keepMissing([LIVE]);
    expect(t.asked).toHaveLength(before);
  });

  it('a host that was down is tried again until its link expires; then the copy is lost', async () => {
    const host: Host = { cdn: 'down', relay: 'none', cors: true };
    const t = tab(host);
    const soon = `https://cdn.example/soon.png?ex=${Math.floor(Date.now() / 1000 + 3600).toString(16)}`;
    await t.persistence.cacheImage(soon);
    expect(missingCode(await t.persistence.keptCopy(soon))).toBe('unfetched');
    host.cdn = 'up';
    await t.persistence.keepMissing([soon, 'https://cdn.example/old.png?ex=10']);
    expect(await t.persistence.keptCopy(soon)).toEqual({ kind: 'blob' });
    // The expired link is never fetched again: nothing can keep it now.
    expect(t.asked.some((a) => a.includes('old.png'))).toBe(false);
    expect(keptLabel(await t.persistence.keptCopy('https://cdn.example/old.png?ex=10'))).toBe(
      'Copy lost: the link expired (or is dead) before a copy could be kept.',
    );
  });
});

describe('kept copies are checked', () => {
  it('an opaque 503 is never kept: it does not decode, and nothing stays behind', async () => {
    const host: Host = { cdn: '503', relay: 'none', cors: false };
    const t = tab(host);
    expect(await t.persistence.cacheImage(LIVE)).toBe(false);
    expect(t.kept.entries.size).toBe(0);
    expect(t.staging.entries.size).toBe(0);
    expect(keptLabel(await t.persistence.keptCopy(LIVE))).toBe(
      'No copy yet: the picture host answered with an error, not the picture. Tried again while the link lives.',
    );
    host.cdn = 'up';
    await t.persistence.keepMissing([LIVE]);
    expect(await t.persistence.keptCopy(LIVE)).toEqual({ kind: 'offline' });
    expect([...t.kept.entries.keys()]).toEqual([LIVE]);
  });

  it('a readable error status is never kept either', async () => {
    const t = tab({ cdn: '503', relay: 'none', cors: true });
    await t.persistence.cacheImage(LIVE);
    expect(missingCode(await t.persistence.keptCopy(LIVE))).toBe('unreadable');
    expect(await t.persistence.keptBlob(LIVE)).toBeNull();
  });

  it('a kept copy that does not decode is removed and fetched again while the link lives', async () => {
    const host: Host = { cdn: 'up', relay: 'none', cors: false };
    const t = tab(host);
    // What an earlier version kept: an opaque error as the picture's copy.
    t.kept.entries.set(LIVE, opaque('error 503'));
    expect(await t.persistence.repairCopy(LIVE)).toEqual({ kind: 'offline' });
    expect(await (await t.kept.match(LIVE))!.clone().text()).toBe('picture');
    expect(t.changes).toContain(LIVE);
    // A good copy is left as it is; one that cannot be checked here is never removed.
    const asked = t.asked.length;
    expect(await t.persistence.repairCopy(LIVE)).toEqual({ kind: 'offline' });
    expect(t.asked).toHaveLength(asked);
  });

  it('a copy that cannot be checked (no service worker yet) is not removed', async () => {
    const t = tab({ cdn: 'up', relay: 'none', cors: false });
    const bad = opaque('error 503');
    t.kept.entries.set(LIVE, bad);
    const p = createPersistence({
      dbName: `keep-later-nocheck-${Math.random()}`,
      pictureCache: async () => t.kept,
      copyMeans: () => ({ relay: null, offlineCache: true }),
      decodes: async (src) => (src === pictureCheckUrl(LIVE, 'kept') ? null : true),
    });
    cleanups.push(p);
    expect(await p.repairCopy(LIVE)).toEqual({ kind: 'offline' });
    expect(t.kept.entries.get(LIVE)).toBe(bad);
  });
});

describe('why a picture has no copy', () => {
  it('a host off the relay’s allow-list is named, with PICTURE_ORIGINS', async () => {
    // The page's own policy blocks the host too (its fetches fail): only the relay could read it.
    const t = tab({ cdn: 'down', relay: 'refuses', cors: false });
    await t.persistence.cacheImage(LIVE);
    expect(await t.persistence.keptCopy(LIVE)).toMatchObject({
      missing: { code: 'untrusted', origin: 'https://cdn.example' },
    });
    expect(keptLabel(await t.persistence.keptCopy(LIVE))).toBe(
      'No copy: the picture host cdn.example is not trusted by this studio. Add https://cdn.example to PICTURE_ORIGINS on the studio server.',
    );
  });

  it('a host the page’s policy blocked is named at once, or as soon as the browser says so', async () => {
    const t = tab({ cdn: 'down', relay: 'none', cors: true });
    await t.persistence.cacheImage(LIVE);
    expect(missingCode(await t.persistence.keptCopy(LIVE))).toBe('unfetched');
    t.block('https://cdn.example');
    expect(missingCode(await t.persistence.keptCopy(LIVE))).toBe('untrusted');
    expect(t.changes.at(-1)).toBe(LIVE);
    const other = 'https://cdn.example/q.png?ex=ffffffff';
    const before = t.asked.length;
    await t.persistence.cacheImage(other);
    expect(t.asked).toHaveLength(before);
    expect(missingCode(await t.persistence.keptCopy(other))).toBe('untrusted');
  });
});

describe('the sweep of missing copies', () => {
  it('reads every stored job first, and a call during a sweep runs one more after it', async () => {
    const calls: string[][] = [];
    let release!: () => void;
    const first = new Promise<void>((resolve) => (release = resolve));
    let loads = 0;
    const jobs = [
      {
        id: 'a',
        traceId: 't',
        request: {},
        delivery: 'stream' as const,
        status: 'done' as const,
        progress: 100,
        result: { raw_image_url: LIVE, actions: [] },
        createdAt: 1,
        updatedAt: 1,
        attempts: 1,
      },
    ];
    const sweep = createCopySweep({
      persistence: {
        loadAll: async () => void (loads += 1),
        keepMissing: async (urls) => {
          calls.push(urls);
          if (calls.length === 1) await first;
        },
      },
      jobs: () => jobs,
      kindOf: () => ({ imagesOf: (r: { raw_image_url?: string }) => [r.raw_image_url!] }) as never,
      now: () => 0,
      stopped: () => false,
    });
    const one = sweep();
    const two = sweep();
    const three = sweep();
    release();
    await Promise.all([one, two, three]);
    expect(loads).toBe(2);
    expect(calls).toEqual([[LIVE], [LIVE]]);
  });
});
