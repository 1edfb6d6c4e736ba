// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Job, StoredJob } from '../../jobs/job';
import { EXPORT_FORMAT, HistoryImportError, MAX_IMPORT_BYTES } from './history-file';
import {
  createPersistence,
  openStudioDb,
  type ImportProgress,
  type Persistence,
} from '../persistence/persistence';
import { createJobsStore } from '../../jobs/store';
import { unwrap } from 'idb';
import { z } from 'zod/mini';
import { imagineKind } from '../../kinds/imagine/imagine-kind';
import type { JobKind } from '../../jobs/kind';
import { createKindRegistry } from '../../jobs/kind';
import { rebuildRequest } from '../../jobs/rebuild-request';
import { stagedImport } from './staged-import';
import { testSink } from '../../jobs/fixtures/store-sink';
import { jobKinds } from '../../kinds/registry';
import { i18n } from '@lingui/core';
import { say } from '../../i18n/say';

// The kinds read answers and requests with the job schemas, which the runner loads first.
beforeAll(() => jobKinds().loadAll());

let n = 0;
const open: Persistence[] = [];
afterEach(() => open.splice(0).forEach((p) => p.close()));

/** A describe-like kind made here only: it knows `image_url` and nothing else. */
const testDescribe: JobKind = {
  ...imagineKind,
  name: 'test-describe',
  endpoint: '/midjourney/describe',
  requestSchema: () => z.looseObject({ image_url: z.string() }),
  deliveries: ['wait'],
  transportFields: ['trace_id'],
  defaults: () => ({}),
};

function tab(dbName: string, importChunk?: number) {
  const store = createJobsStore();
  const persistence = createPersistence({
    dbName,
    channelName: dbName,
    sink: testSink(store),
    kinds: createKindRegistry([imagineKind, testDescribe], 'imagine'),
    ...(importChunk ? { importChunk } : {}),
  });
  open.push(persistence);
  return { store, persistence };
}

const done = (id: string, createdAt: number, extra: Record<string, unknown> = {}) => ({
  id,
  traceId: `trace-${id}`,
  request: { prompt: `an owl ${id}` },
  delivery: 'stream',
  status: 'done',
  progress: 100,
  result: { image_url: `https://cdn.example/${id}.png`, actions: [] },
  createdAt,
  updatedAt: createdAt,
  attempts: 1,
  ...extra,
});

const file = (jobs: unknown[]) => JSON.stringify({ format: EXPORT_FORMAT, version: 1, jobs });

describe('history import', () => {
  it('rebuilds each request from the fields its kind knows and reports what was dropped', async () => {
    const { persistence } = tab(`import-${++n}`);
    const crafted = done('evil', 5, {
      status: 'failed',
      delivery: 'async',
      request: {
        prompt: 'a harmless cat',
        callback_url: 'https://attacker.example/steal',
        mode: 'turbo',
        async: true,
        hd: true,
        webhook: 'https://attacker.example/2',
        timeout: 'soon',
      },
    });
    const report = await persistence.importHistory(file([crafted, done('ok', 6)]));
    expect(report.dropped).toEqual({
      'request.callback_url': 1,
      'request.mode': 1,
      'request.async': 1,
      'request.webhook': 1,
      'request.timeout': 1,
      delivery: 1,
    });
    const stored = await persistence.getJob('evil');
    expect(stored?.request).toEqual({ prompt: 'a harmless cat', hd: true });
    expect(stored?.delivery).toBe('stream');
    expect(JSON.stringify(stored)).not.toContain('attacker');
  });

  it('keeps every known field of an imagine request', () => {
    const request = {
      prompt: 'p',
      action: 'upscale1',
      image_id: 'i',
      mask: 'AAAA',
      translation: true,
      split_images: false,
      timeout: 300,
      version: '7',
      hd: true,
      quality: '.5',
      style_reference: true,
      moodboard: false,
    };
    expect(rebuildRequest(imagineKind, request, { reportTransport: true })).toEqual({
      request,
      dropped: [],
    });
  });

  it('rebuilds each job with its own kind: a field another kind knows is dropped and reported', async () => {
    const { persistence } = tab(`import-${++n}`);
    const described = done('d1', 5, {
      kind: 'test-describe',
      request: {
        image_url: 'https://cdn.example/cat.png',
        prompt: 'smuggled',
        image_id: 'img-9',
        mask: 'AAAA',
        callback_url: 'https://attacker.example/x',
      },
    });
    const report = await persistence.importHistory(file([described]));
    expect((await persistence.getJob('d1'))?.request).toEqual({
      image_url: 'https://cdn.example/cat.png',
    });
    expect(report.dropped).toEqual({
      'request.prompt': 1,
      'request.image_id': 1,
      'request.mask': 1,
      'request.callback_url': 1,
    });
  });

  it('refuses a file with a kind it does not know, and leaves the history as it was', async () => {
    const { persistence } = tab(`import-${++n}`);
    await persistence.importHistory(file([done('keep', 1)]));
    const err = await persistence
      .importHistory(file([done('new', 2), done('odd', 3, { kind: 'teleport' })]))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HistoryImportError);
    expect(say((err as HistoryImportError).reason, i18n)).toMatch(
      /job 2 \(odd\) of an unknown kind \(teleport\)/,
    );
    expect((await persistence.loadJobs()).map((j) => j.id)).toEqual(['keep']);
  });

  it('refuses a file over the size cap before reading it, with a clear message', async () => {
    const { persistence } = tab(`import-${++n}`);
    let read = false;
    const huge = {
      size: MAX_IMPORT_BYTES + 1,
      text: () => {
        read = true;
        return Promise.resolve('');
      },
    } as unknown as Blob;
    const err = await persistence.importHistory(huge).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HistoryImportError);
    expect(say((err as HistoryImportError).reason, i18n)).toMatch(/up to 200 MB can be imported/);
    expect(read).toBe(false);
  });

  it('writes in chunks with progress, and the history changes only at the end', async () => {
    const dbName = `import-${++n}`;
    const { store, persistence } = tab(dbName, 2);
    const jobs = Array.from({ length: 5 }, (_, i) => done(`j${i}`, i + 1));
    const seen: ImportProgress[] = [];
    const counts: number[] = [];
    const report = await persistence.importHistory(new Blob([file(jobs)]), {
      onProgress: (p) => {
        seen.push(p);
        // What the history holds while the import runs.
        counts.push(store.getState().order.length);
      },
    });
    expect(report).toMatchObject({ total: 5, added: 5 });
    expect(seen.filter((p) => p.phase === 'writing').map((p) => p.done)).toEqual([2, 4, 5]);
    expect(seen.at(-1)).toEqual({ phase: 'finishing', done: 5, total: 5 });
    expect(new Set(counts)).toEqual(new Set([0]));
    expect(store.getState().order).toEqual(['j4', 'j3', 'j2', 'j1', 'j0']);
  });

  it('writes each job once, in one transaction, reading back only the jobs already here', async () => {
    const { persistence } = tab(`import-${++n}`, 3);
    await persistence.importHistory(file([done('old', 1), done('same', 2)]));
    const puts: string[] = [];
    const gets: string[] = [];
    const writes: string[][] = [];
    const { put: realPut, get: realGet } = IDBObjectStore.prototype;
    const realTransaction = IDBDatabase.prototype.transaction;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args
    ) {
      puts.push(this.name);
      return realPut.apply(this, args);
    });
    vi.spyOn(IDBObjectStore.prototype, 'get').mockImplementation(function (
      this: IDBObjectStore,
      ...args
    ) {
      gets.push(this.name);
      return realGet.apply(this, args);
    });
    vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (
      this: IDBDatabase,
      stores,
      mode,
      ...rest
    ) {
      if (mode === 'readwrite') writes.push(typeof stores === 'string' ? [stores] : [...stores]);
      return realTransaction.call(this, stores, mode, ...rest);
    });
    try {
      const jobs = [
        done('old', 1, { updatedAt: 50, request: { prompt: 'an owl, newer' } }),
        done('same', 2),
        ...Array.from({ length: 7 }, (_, i) => done(`new${i}`, 10 + i)),
      ];
      const report = await persistence.importHistory(file(jobs));
      expect(report).toMatchObject({ total: 9, added: 7, updated: 1, unchanged: 1 });
    } finally {
      vi.restoreAllMocks();
    }
    // One put per job written (none for the unchanged one), no staging copy, and only the two
    // jobs the history already had are read.
    expect(puts.filter((s) => s === 'jobs')).toHaveLength(8);
    expect(puts.filter((s) => s !== 'jobs' && s !== 'meta')).toEqual([]);
    expect(gets.filter((s) => s === 'jobs')).toHaveLength(2);
    expect(writes.filter((stores) => stores.includes('jobs'))).toHaveLength(1);
    expect((await persistence.getJob('old'))?.request.prompt).toBe('an owl, newer');
  });

  it('a reload mid-import leaves the history as it was, and the next start says so', async () => {
    const dbName = `import-${++n}`;
    const first = tab(dbName);
    await first.persistence.saveJob(done('mine', 100) as unknown as Job);
    const db = await openStudioDb(dbName);
    const jobs = Array.from({ length: 6 }, (_, i) => done(`in${i}`, i + 1));
    // The page goes away after the second slice is written: its transaction is aborted (as a
    // browser does to a closing page's) and no code of the page touches the database again.
    let gone = false;
    const transactions: IDBTransaction[] = [];
    const page = new Proxy(db, {
      get(target, key, receiver) {
        if (gone) throw new Error('the page is gone');
        const value = Reflect.get(target, key, receiver) as unknown;
        if (key !== 'transaction' || typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          const tx = (value as (...a: unknown[]) => { done: Promise<void> }).apply(target, args);
          transactions.push(unwrap(tx as never) as unknown as IDBTransaction);
          return tx;
        };
      },
    });
    const importing = stagedImport(page, file(jobs), {
      kinds: jobKinds(),
      isLocal: () => false,
      chunkSize: 2,
      onProgress: (p) => {
        if (p.phase !== 'writing' || p.done < 4 || gone) return;
        gone = true;
        transactions.at(-1)?.abort();
      },
    });
    await expect(importing).rejects.toThrow();
    db.close();
    first.persistence.close();

    const next = tab(dbName);
    const loaded = await next.persistence.loadJobs();
    await next.persistence.loadAll();
    expect(loaded.map((j: StoredJob) => j.id)).toEqual(['mine']);
    expect(next.store.getState().order).toEqual(['mine']);
    expect(next.store.getState().storageNotice).toMatchObject({ kind: 'interrupted' });
    expect(say(next.store.getState().storageNotice?.message, i18n)).toMatch(
      /import did not finish/,
    );
    const after = await openStudioDb(dbName);
    expect(await after.count('jobs')).toBe(1);
    expect(await after.get('meta', 'import-in-progress')).toBeUndefined();
    after.close();
  });
});
