// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Job } from '../../jobs/job';
import { createPersistence, openStudioDb, type Persistence } from './persistence';
import { createJobsStore, type JobsStore } from '../../jobs/store';
import { testSink } from '../../jobs/fixtures/store-sink';

let n = 0;
const open: Persistence[] = [];
afterEach(() => open.splice(0).forEach((p) => p.close()));

/** A tab whose image fetches are counted; every fetch answers `bytes`. */
function tab(dbName: string, bytes: Uint8Array<ArrayBuffer>) {
  const store: JobsStore = createJobsStore();
  const fetches: string[] = [];
  const persistence = createPersistence({
    dbName,
    channelName: dbName,
    sink: testSink(store),
    fetch: (input) => {
      fetches.push(String(input));
      return Promise.resolve(new Response(bytes, { headers: { 'content-type': 'image/png' } }));
    },
  });
  open.push(persistence);
  return { store, persistence, fetches };
}

async function blobBytes(dbName: string, url: string): Promise<number[] | undefined> {
  const db = await openStudioDb(dbName);
  const record = await db.get('blobs', url);
  db.close();
  return record ? [...new Uint8Array(await record.blob.arrayBuffer())] : undefined;
}

const running = (id: string): Job => ({
  id,
  traceId: `trace-${id}`,
  taskId: `task-${id}`,
  request: { prompt: `a moth ${id}`, mode: 'fast' },
  delivery: 'stream',
  status: 'running',
  progress: 42,
  result: {
    image_url: `https://cdn.example/${id}_small.png`,
    raw_image_url: `https://cdn.example/${id}.png`,
    actions: [],
  },
  createdAt: 1000,
  startedAt: 1001,
  updatedAt: 1002,
  lastNewsAt: 1002,
  attempts: 2,
});

describe('undo of a delete', () => {
  it('puts back the very record and image bytes, with no fetch, and a running job stays running', async () => {
    const dbName = `undo-${++n}`;
    const bytes = new Uint8Array([137, 80, 78, 71, 9, 8, 7, 6, 5]);
    const { store, persistence, fetches } = tab(dbName, bytes);
    const job = running('m1');
    await persistence.saveJob(job);
    expect(await persistence.cacheImage(job.result!.raw_image_url!)).toBe(true);
    expect(fetches).toHaveLength(1);
    const before = await persistence.getJob('m1');

    await persistence.deleteJobs(['m1']);
    expect(await persistence.getJob('m1')).toBeUndefined();
    expect(await blobBytes(dbName, job.result!.raw_image_url!)).toBeUndefined();

    const restored = await persistence.restoreDeleted(['m1']);
    expect(restored.map((j) => j.id)).toEqual(['m1']);
    expect(await persistence.getJob('m1')).toEqual(before);
    expect((await persistence.getJob('m1'))?.status).toBe('running');
    expect(await blobBytes(dbName, job.result!.raw_image_url!)).toEqual([...bytes]);
    expect(store.getState().byId.m1).toMatchObject({ status: 'running', progress: 42 });
    // The image came back from memory, not from the network.
    expect(fetches).toHaveLength(1);
  });

  it('keeps nothing once the undo window is closed', async () => {
    const dbName = `undo-${++n}`;
    const { persistence } = tab(dbName, new Uint8Array([1]));
    await persistence.saveJob(running('m2'));
    await persistence.deleteJobs(['m2']);
    persistence.forgetDeleted(['m2']);
    expect(await persistence.restoreDeleted(['m2'])).toEqual([]);
    expect(await persistence.getJob('m2')).toBeUndefined();
  });
});
