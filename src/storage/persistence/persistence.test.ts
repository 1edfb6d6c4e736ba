import 'fake-indexeddb/auto';
import { resolveObjectURL } from 'node:buffer';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import {
  startFakeImagineServer,
  type FakeImagineServer,
} from '../../api/fixtures/fake-imagine-server';
import v1Fixture from '../fixtures/history-db-v1.json';
import type { Job } from '../../jobs/job';
import { EXPORT_FORMAT, HistoryImportError } from '../history-file/history-file';
import { DB_VERSION, createPersistence, openStudioDb, type Persistence } from './persistence';
import { createJobsStore, type JobsStore } from '../../jobs/store';
import { testSink } from '../../jobs/fixtures/store-sink';
import { jobKinds } from '../../kinds/registry';
import { i18n } from '@lingui/core';
import { say } from '../../i18n/say';

let counter = 0;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

function newDb(): string {
  counter += 1;
  return `persistence-test-${counter}-${Date.now()}`;
}

function tab(dbName: string): { store: JobsStore; persistence: Persistence } {
  const store = createJobsStore();
  const persistence = createPersistence({ dbName, sink: testSink(store), kinds: jobKinds() });
  cleanups.push(() => persistence.close());
  return { store, persistence };
}

function job(id: string, createdAt: number, extra: Partial<Job> = {}): Job {
  return {
    id,
    traceId: `trace-${id}`,
    request: { prompt: `prompt ${id}`, mode: 'fast' },
    delivery: 'stream',
    status: 'done',
    progress: 100,
    result: {
      image_id: `img-${id}`,
      image_url: `https://cdn.example/${id}_thumb.png`,
      raw_image_url: `https://cdn.example/${id}.png`,
      actions: ['upscale1'],
    },
    createdAt,
    updatedAt: createdAt,
    attempts: 1,
    ...extra,
  };
}

async function until(pred: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const end = Date.now() + 5000;
  while (!(await pred())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function server(): Promise<FakeImagineServer> {
  const s = await startFakeImagineServer();
  cleanups.push(() => s.close());
  return s;
}

describe('persistence: jobs', () => {
  it('round-trips jobs without their preview, newest first, into the store', async () => {
    const dbName = newDb();
    const a = tab(dbName);
    await a.persistence.saveJob(job('old', 100));
    await a.persistence.saveJob(
      job('live', 300, {
        status: 'running',
        progress: 40,
        result: undefined,
        taskId: 'task-live',
        preview: { url: 'https://cdn.example/grid_0.webp', width: 256, height: 256 },
      }),
    );
    await a.persistence.saveJob(
      job('mid', 200, { parent: { imageId: 'img-old', action: 'upscale2', label: 'U2' } }),
    );

    const fresh = tab(dbName);
    const loaded = await fresh.persistence.loadJobs();
    expect(loaded.map((j) => j.id)).toEqual(['live', 'mid', 'old']);
    expect(fresh.store.getState().order).toEqual(['live', 'mid', 'old']);
    const live = fresh.store.getState().byId.live!;
    expect(live).toMatchObject({ status: 'running', progress: 40, taskId: 'task-live' });
    expect(live).not.toHaveProperty('preview');
    expect(fresh.store.getState().byId.mid?.parent).toEqual({
      imageId: 'img-old',
      action: 'upscale2',
      label: 'U2',
    });
    const raw = await (await openStudioDb(dbName)).get('jobs', 'live');
    expect(JSON.stringify(raw)).not.toContain('grid_0.webp');
  });

  it('two tabs write their own jobs and see each other’s changes, never clobbering', async () => {
    const dbName = newDb();
    const a = tab(dbName);
    const b = tab(dbName);
    await a.persistence.loadJobs();
    await b.persistence.loadJobs();

    await a.persistence.saveJob(
      job('from-a', 1, { status: 'running', progress: 0, result: undefined }),
    );
    await b.persistence.saveJob(job('from-b', 2));
    await until(() => Boolean(b.store.getState().byId['from-a']), 'B sees A’s job');
    await until(() => Boolean(a.store.getState().byId['from-b']), 'A sees B’s job');

    await a.persistence.saveJob(job('from-a', 1, { status: 'done' }));
    await until(() => b.store.getState().byId['from-a']?.status === 'done', 'B sees the update');

    const db = await openStudioDb(dbName);
    expect((await db.getAll('jobs')).map((j) => j.id).sort()).toEqual(['from-a', 'from-b']);
    db.close();

    await b.persistence.deleteJobs(['from-a']);
    await until(() => !a.store.getState().byId['from-a'], 'A sees the deletion');
    expect(a.store.getState().order).toEqual(['from-b']);
    expect(await a.persistence.getJob('from-a')).toBeUndefined();
  });
});

describe('persistence: schema upgrade', () => {
  it(`upgrades a version 1 database to version ${DB_VERSION}, keeping every record`, async () => {
    const dbName = newDb();
    // Build the v1 database exactly as v1 shipped it (no code of ours involved).
    const v1 = await openDB(dbName, 1, {
      upgrade(db) {
        const jobs = db.createObjectStore('jobs', { keyPath: 'id' });
        jobs.createIndex('createdAt', 'createdAt');
        const blobs = db.createObjectStore('blobs', { keyPath: 'url' });
        blobs.createIndex('storedAt', 'storedAt');
        db.createObjectStore('meta');
      },
    });
    for (const record of v1Fixture.jobs) await v1.put('jobs', record);
    for (const b of v1Fixture.blobs) {
      const blob = new Blob([new Uint8Array(b.bytes)], { type: b.type });
      await v1.put('blobs', { url: b.url, blob, size: blob.size, storedAt: b.storedAt });
    }
    for (const m of v1Fixture.meta) await v1.put('meta', m.value, m.key);
    v1.close();

    const { store, persistence } = tab(dbName);
    const loaded = await persistence.loadJobs();

    expect(loaded.map((j) => j.id)).toEqual(['v1-failed', 'v1-running', 'v1-done']);
    const byId = store.getState().byId;
    expect(byId['v1-done']).toMatchObject({ attempts: 1, updatedAt: 1720364637404 });
    expect(byId['v1-running']).toMatchObject({
      attempts: 1,
      updatedAt: 1720364701000,
      progress: 40,
    });
    expect(byId['v1-running']).not.toHaveProperty('preview');
    expect(byId['v1-failed']).toMatchObject({
      attempts: 1,
      updatedAt: 1720364800000,
      error: { code: 'bad_request', message: 'Unrecognized argument(s): `-c`, `x`' },
    });

    const db = await openStudioDb(dbName);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.transaction('jobs').store.indexNames].sort()).toEqual(['createdAt', 'status']);
    expect((await db.getAllFromIndex('jobs', 'status', 'running')).map((j) => j.id)).toEqual([
      'v1-running',
    ]);
    expect(await db.get('meta', 'createdBy')).toBe('imagine-studio 0.1');
    expect(await db.get('meta', 'schema')).toMatchObject({ from: 1, to: DB_VERSION });
    db.close();

    // The v1 cached image is still served.
    const url = await persistence.imageUrlFor(byId['v1-done']!);
    expect(url?.startsWith('blob:')).toBe(true);
    const bytes = new Uint8Array(await resolveObjectURL(url!)!.arrayBuffer());
    expect([...bytes]).toEqual(v1Fixture.blobs[0]!.bytes);
  });

  it('creates a fresh database at the current version', async () => {
    const db = await openStudioDb(newDb());
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['blobs', 'jobs', 'meta', 'staging', 'thumbs']);
    db.close();
  });
});

describe('persistence: export and import', () => {
  it('exports versioned JSON and imports it elsewhere, merging by id with counts', async () => {
    const a = tab(newDb());
    await a.persistence.saveJob(job('one', 1));
    await a.persistence.saveJob(
      job('two', 2, {
        status: 'running',
        progress: 30,
        result: undefined,
        taskId: 't2',
        preview: { url: 'https://cdn.example/p.webp' },
      }),
    );
    await a.persistence.saveJob(
      job('three', 3, {
        status: 'failed',
        result: undefined,
        error: { kind: 'task', code: 'forbidden', message: 'Sorry!' },
      }),
    );
    const json = await a.persistence.exportHistory();
    const file = JSON.parse(json) as { format: string; version: number; jobs: Job[] };
    expect(file.format).toBe(EXPORT_FORMAT);
    expect(file.version).toBe(2);
    expect(file.jobs.map((j) => j.id)).toEqual(['three', 'two', 'one']);
    expect(json).not.toContain('p.webp');

    const b = tab(newDb());
    await b.persistence.saveJob(job('local', 10));
    await b.persistence.loadJobs();
    expect(await b.persistence.importHistory(json)).toEqual({
      total: 3,
      added: 3,
      updated: 0,
      unchanged: 0,
      // The studio's own export carries `mode`; an import never takes it from a file.
      dropped: { 'request.mode': 3 },
    });
    expect(b.store.getState().order).toEqual(['local', 'three', 'two', 'one']);
    // An imported in-flight job cannot be running here: it waits for "Check again".
    expect(b.store.getState().byId.two).toMatchObject({ status: 'stalled', taskId: 't2' });
    expect(b.store.getState().byId.three?.error?.message).toBe('Sorry!');

    expect(await b.persistence.importHistory(json)).toEqual({
      total: 3,
      added: 0,
      updated: 0,
      unchanged: 3,
      dropped: { 'request.mode': 3 },
    });

    const newer = {
      ...file,
      jobs: [{ ...file.jobs[2]!, updatedAt: 99, request: { prompt: 'edited' } }],
    };
    expect(await b.persistence.importHistory(JSON.stringify(newer))).toEqual({
      total: 1,
      added: 0,
      updated: 1,
      unchanged: 0,
      dropped: {},
    });
    expect((await b.persistence.getJob('one'))?.request.prompt).toBe('edited');
  });

  it('drops token-like keys and unknown fields from imported jobs', async () => {
    const b = tab(newDb());
    const sneaky = {
      format: EXPORT_FORMAT,
      version: 1,
      jobs: [
        {
          ...job('s', 1),
          token: 'sk-leak-1',
          request: { prompt: 'p', api_key: 'sk-leak-2', authorization: 'Bearer sk-leak-3' },
        },
      ],
    };
    await b.persistence.importHistory(JSON.stringify(sneaky));
    const again = await b.persistence.exportHistory();
    expect(again).toContain('"prompt":"p"');
    expect(again).not.toMatch(/sk-leak/);
  });

  it('rejects bad files with a clear message and imports nothing', async () => {
    const b = tab(newDb());
    const cases: [string, RegExp][] = [
      ['{not json', /not valid JSON/],
      [JSON.stringify({ hello: 'world' }), /not an Imagine Studio history export/],
      [
        JSON.stringify({ format: EXPORT_FORMAT, version: 7, jobs: [] }),
        /newer Imagine Studio \(format version 7\)/,
      ],
      [
        JSON.stringify({
          format: EXPORT_FORMAT,
          version: 1,
          jobs: [job('ok', 1), { ...job('bad', 2), status: 'exploded' }],
        }),
        /job 2 \(bad\) has an invalid status.*Nothing was imported/,
      ],
    ];
    for (const [text, message] of cases) {
      const err = await b.persistence.importHistory(text).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(HistoryImportError);
      expect(say((err as HistoryImportError).reason, i18n)).toMatch(message);
    }
    expect(await b.persistence.loadJobs()).toEqual([]);
  });
});

describe('persistence: cached images', () => {
  it('caches a final image and serves it as an object URL; uncached → remote URL', async () => {
    const s = await server();
    const bytes = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    s.files.set('/img/a.png', { type: 'image/png', bytes });
    const { persistence } = tab(newDb());
    const cachedJob = job('a', 1, { result: { raw_image_url: `${s.url}/img/a.png`, actions: [] } });
    const remoteJob = job('b', 2, {
      result: { raw_image_url: 'http://127.0.0.1:1/nowhere.png', actions: [] },
    });

    expect(await persistence.imageUrlFor(cachedJob)).toBe(`${s.url}/img/a.png`);
    expect(await persistence.cacheImage(`${s.url}/img/a.png`)).toBe(true);
    const url = await persistence.imageUrlFor(cachedJob);
    expect(url?.startsWith('blob:')).toBe(true);
    expect(await persistence.imageUrlFor(cachedJob)).toBe(url);
    expect([...new Uint8Array(await resolveObjectURL(url!)!.arrayBuffer())]).toEqual([...bytes]);

    expect(await persistence.cacheImage('http://127.0.0.1:1/nowhere.png')).toBe(false);
    expect(await persistence.cacheImage(`${s.url}/img/missing.png`)).toBe(false);
    expect(await persistence.imageUrlFor(remoteJob)).toBe('http://127.0.0.1:1/nowhere.png');
    expect(await persistence.imageUrlFor(job('c', 3, { result: undefined }))).toBeUndefined();

    await persistence.saveJob(cachedJob);
    await persistence.deleteJobs(['a']);
    expect(await persistence.imageUrlFor(cachedJob)).toBe(`${s.url}/img/a.png`);
  });

  it('on QuotaExceededError removes the oldest images, retries and tells the person', async () => {
    const s = await server();
    for (const name of ['1', '2', '3']) {
      s.files.set(`/img/${name}.png`, {
        type: 'image/png',
        bytes: new Uint8Array(1000).fill(Number(name)),
      });
    }
    const { store, persistence } = tab(newDb());
    const realPut = IDBObjectStore.prototype.put;
    let failures = 0;
    IDBObjectStore.prototype.put = function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if (this.name === 'blobs' && failures > 0) {
        failures -= 1;
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return realPut.apply(this, args);
    };
    cleanups.push(() => {
      IDBObjectStore.prototype.put = realPut;
    });

    expect(await persistence.cacheImage(`${s.url}/img/1.png`)).toBe(true);
    expect(await persistence.cacheImage(`${s.url}/img/2.png`)).toBe(true);
    failures = 1;
    expect(await persistence.cacheImage(`${s.url}/img/3.png`)).toBe(true);

    const db = await openStudioDb(persistence.dbName);
    expect((await db.getAllKeys('blobs')).sort()).toEqual([
      `${s.url}/img/2.png`,
      `${s.url}/img/3.png`,
    ]);
    db.close();
    expect(store.getState().storageNotice).toMatchObject({ kind: 'evicted' });
    expect(say(store.getState().storageNotice?.message, i18n)).toMatch(
      /1 older kept picture \(read directly from the picture host\) was removed/,
    );

    // Nothing left to make room with: the person is told storage is full.
    failures = 100;
    expect(await persistence.cacheImage(`${s.url}/img/1.png`)).toBe(false);
    expect(store.getState().storageNotice).toMatchObject({ kind: 'full' });
  });
});
