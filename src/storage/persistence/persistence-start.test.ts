// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Job } from '../../jobs/job';
import type { JobsSink } from '../../jobs/jobs-sink';
import { FIRST_PAGE } from './first-load';
import { createPersistence, openStudioDb, type Persistence } from './persistence';
import { fitWithin } from '../image-cache/thumbnail';

let n = 0;
const open: Persistence[] = [];
afterEach(() => open.splice(0).forEach((p) => p.close()));

const job = (i: number, extra: Partial<Job> = {}): Job => ({
  id: `j${String(i).padStart(4, '0')}`,
  traceId: `t${i}`,
  request: { prompt: `a heron #${i}` },
  delivery: 'stream',
  status: 'done',
  progress: 100,
  result: { raw_image_url: `https://cdn.example/${i}.png`, actions: [] },
  createdAt: 1_000 + i,
  updatedAt: 1_000 + i,
  attempts: 1,
  ...extra,
});

/** A sink that records what persistence reports, to show it never needs the store. */
function recordingSink() {
  const merged: string[][] = [];
  const sink: JobsSink = {
    merge: (jobs) => merged.push(jobs.map((j) => j.id)),
    remove: () => {},
    patch: () => {},
  };
  return { sink, merged };
}

/**
 * Counts the records the database hands out through getAll (of stores and indexes) from now on:
 * `records()` in all, `reads()` per request.
 */
function countRecordsRead() {
  const requests: IDBRequest<unknown[]>[] = [];
  const originals = [IDBObjectStore.prototype, IDBIndex.prototype].map((proto) => {
    const getAll = proto.getAll;
    proto.getAll = function (this: IDBObjectStore & IDBIndex, ...args: Parameters<typeof getAll>) {
      const request = getAll.apply(this, args);
      requests.push(request);
      return request;
    } as typeof getAll;
    return () => {
      proto.getAll = getAll;
    };
  });
  const reads = () => requests.map((r) => (r.readyState === 'done' ? (r.result?.length ?? 0) : 0));
  return {
    reads,
    records: () => reads().reduce((a, b) => a + b, 0),
    stop: () => originals.forEach((restore) => restore()),
  };
}

describe('start', () => {
  it('reports the newest page and the unfinished jobs first, and the rest when asked', async () => {
    const dbName = `start-${++n}`;
    const seed = createPersistence({ dbName, channelName: dbName });
    open.push(seed);
    for (let i = 0; i < 200; i += 1) {
      await seed.saveJob(job(i, i === 3 ? { status: 'running', progress: 10 } : {}));
    }
    const { sink, merged } = recordingSink();
    const tab = createPersistence({ dbName, channelName: dbName, sink });
    open.push(tab);

    const first = await tab.loadJobs();
    expect(first).toHaveLength(FIRST_PAGE + 1);
    expect(first[0]!.id).toBe('j0199');
    expect(first.map((j) => j.id)).toContain('j0003');
    expect(merged).toHaveLength(1);
    expect(merged[0]).toEqual(first.map((j) => j.id));

    await tab.loadAll();
    expect(merged).toHaveLength(2);
    expect(merged[1]).toHaveLength(200);
  });

  it('reads no more than the first page, even when every job has the same time', async () => {
    const dbName = `start-${++n}`;
    const db = await openStudioDb(dbName);
    // A history cloned by a script: 600 jobs created at one moment.
    const tx = db.transaction('jobs', 'readwrite');
    for (let i = 0; i < 600; i += 1) void tx.store.put(job(i, { createdAt: 5_000 }));
    await tx.done;
    db.close();
    const { records, stop } = countRecordsRead();
    try {
      const { sink, merged } = recordingSink();
      const tab = createPersistence({ dbName, channelName: dbName, sink });
      open.push(tab);
      const first = await tab.loadJobs();
      expect(first.map((j) => j.id)).toEqual(
        Array.from({ length: FIRST_PAGE }, (_, i) => job(i).id),
      );
      expect(records()).toBeLessThanOrEqual(FIRST_PAGE);
      expect(merged).toHaveLength(1);
    } finally {
      stop();
    }
  });

  it('reads the first page once, begun before the start asks for it', async () => {
    const dbName = `start-${++n}`;
    const seed = createPersistence({ dbName, channelName: dbName });
    open.push(seed);
    for (let i = 0; i < 5; i += 1) await seed.saveJob(job(i));
    const { sink, merged } = recordingSink();
    const tab = createPersistence({ dbName, channelName: dbName, sink });
    open.push(tab);
    const { records, stop } = countRecordsRead();
    try {
      tab.preloadJobs();
      // Read while nothing has asked yet (the runner's code is still loading).
      await vi.waitFor(() => expect(records()).toBe(5));
      expect(merged).toHaveLength(0);
      const first = await tab.loadJobs();
      expect(first.map((j) => j.id)).toEqual(['j0004', 'j0003', 'j0002', 'j0001', 'j0000']);
      expect(records()).toBe(5);
      expect(merged).toHaveLength(1);
    } finally {
      stop();
    }
  });

  it('reads the rest a page at a time, never the whole history in one read', async () => {
    const dbName = `start-${++n}`;
    const seed = createPersistence({ dbName, channelName: dbName });
    open.push(seed);
    for (let i = 0; i < 600; i += 1) await seed.saveJob(job(i));
    const { sink, merged } = recordingSink();
    const tab = createPersistence({ dbName, channelName: dbName, sink });
    open.push(tab);
    await tab.loadJobs();
    const { reads, stop } = countRecordsRead();
    try {
      await tab.loadAll();
    } finally {
      stop();
    }
    expect(merged.at(-1)).toHaveLength(600);
    expect(merged.at(-1)![0]).toBe('j0599');
    expect(reads().length).toBeGreaterThan(1);
    expect(Math.max(...reads())).toBeLessThan(600);
  });
});

describe('thumbnails', () => {
  it('fit 512 px on the long side and are never enlarged', () => {
    expect(fitWithin(2048, 2048)).toEqual({ width: 512, height: 512 });
    expect(fitWithin(2048, 1024)).toEqual({ width: 512, height: 256 });
    expect(fitWithin(300, 200)).toEqual({ width: 300, height: 200 });
  });

  it('are made once per image, stored, and served to every later tab', async () => {
    const dbName = `thumb-${++n}`;
    let made = 0;
    const thumbnail = (blob: Blob) => {
      made += 1;
      return Promise.resolve({ blob: blob.slice(0, 2), width: 512, height: 512 });
    };
    const bytes = new Uint8Array([9, 8, 7, 6]);
    const make = () => {
      const p = createPersistence({
        dbName,
        channelName: dbName,
        thumbnail,
        fetch: () => Promise.resolve(new Response(bytes)),
      });
      open.push(p);
      return p;
    };
    const a = make();
    const url = 'https://cdn.example/big.png';
    expect(await a.cacheImage(url)).toBe(true);
    const [t1, t2] = await Promise.all([a.thumbUrlFor(url), a.thumbUrlFor(url)]);
    expect(t1).toMatch(/^blob:/);
    expect(t2).toBe(t1);
    await make().thumbUrlFor(url);
    expect(made).toBe(1);
    const db = await openStudioDb(dbName);
    const stored = await db.get('thumbs', url);
    db.close();
    expect([...new Uint8Array(await stored!.blob.arrayBuffer())]).toEqual([9, 8]);
    // Not cached at all: the remote URL.
    expect(await a.thumbUrlFor('https://cdn.example/other.png')).toBe(
      'https://cdn.example/other.png',
    );
  });
});
