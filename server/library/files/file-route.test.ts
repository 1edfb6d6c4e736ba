import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertJobs } from '../db/fixtures/job-rows';
import { embeddedDataDir } from '../db/fixtures/pglite-template';
import { openLibrary, type OpenedLibrary } from '../db/open-library';
import { mountFiles, parseRange } from './file-route';
import { patterned, streamOf } from './fixtures/streams';
import { folderStore } from './folder-store';
import { createKeeper } from './keep-file';

const CDN = 'https://cdn.example';
const CLIP = patterned(10_000);

describe('GET /files/:job/:role', () => {
  let folder: Awaited<ReturnType<typeof embeddedDataDir>>;
  let lib: OpenedLibrary;
  let root: string;
  let kept: string;
  let refused: string;
  const app = new Hono();
  beforeAll(async () => {
    folder = await embeddedDataDir();
    lib = await openLibrary({ dataDir: folder.dataDir });
    root = mkdtempSync(join(tmpdir(), 'imagine-studio-served-'));
    const store = folderStore(root);
    [kept, refused] = (await insertJobs(lib.db, 2)) as [string, string];
    const keep = createKeeper({
      db: lib.db,
      store,
      allowedOrigins: [CDN],
      fetchImpl: (async () =>
        new Response(streamOf(CLIP), {
          headers: { 'content-type': 'video/mp4', 'content-length': String(CLIP.length) },
        })) as typeof fetch,
    });
    await keep({ jobId: kept, role: 'clip:0', sourceUrl: `${CDN}/c.mp4` });
    await keep({ jobId: refused, role: 'image', sourceUrl: 'https://elsewhere.example/a.png' });
    mountFiles(app, { db: lib.db, store });
  }, 180_000);
  afterAll(async () => {
    await lib?.close();
    folder?.remove();
    rmSync(root, { recursive: true, force: true });
  });

  const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    app.request(path, { method, headers });

  it('serves a kept file whole, with its type and headers that keep it a file', async () => {
    const res = await get(`/files/${kept}/clip:0`);
    expect(res.status).toBe(200);
    expect(Object.fromEntries(res.headers)).toMatchObject({
      'content-type': 'video/mp4',
      'content-length': '10000',
      'cache-control': 'private, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
      'content-security-policy': 'sandbox',
      'accept-ranges': 'bytes',
    });
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(CLIP);
  });

  it('answers a range with 206 and just those bytes', async () => {
    const res = await get(`/files/${kept}/clip:0`, { range: 'bytes=100-199' });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('bytes 100-199/10000');
    expect(res.headers.get('content-length')).toBe('100');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(CLIP.slice(100, 200));

    const tail = await get(`/files/${kept}/clip:0`, { range: 'bytes=-10' });
    expect(tail.headers.get('content-range')).toBe('bytes 9990-9999/10000');
    expect(new Uint8Array(await tail.arrayBuffer())).toEqual(CLIP.slice(9990));
  });

  it('answers 416 for a range past the end, saying the length', async () => {
    const res = await get(`/files/${kept}/clip:0`, { range: 'bytes=10000-' });
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe('bytes */10000');
  });

  it('answers HEAD with the length and no body', async () => {
    const res = await get(`/files/${kept}/clip:0`, {}, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe('10000');
    expect(await res.text()).toBe('');
  });

  it('answers 404 with words for a file never kept, a refused one and a malformed path', async () => {
    const never = await get(`/files/${kept}/image`);
    expect(never.status).toBe(404);
    expect(never.headers.get('cache-control')).toBe('no-store');
    expect(await never.json()).toEqual({
      error: { code: 'file_not_found', message: `No copy of the image of job ${kept} was kept.` },
    });
    const failed = await get(`/files/${refused}/image`);
    expect(failed.status).toBe(404);
    expect(((await failed.json()) as { error: { message: string } }).error.message).toBe(
      'Could not keep a copy. The studio does not fetch pictures from https://elsewhere.example.',
    );
    const odd = await get(`/files/not-a-job/clip:0`);
    expect(odd.status).toBe(404);
    expect(((await odd.json()) as { error: { message: string } }).error.message).toBe(
      'There is no kept file clip:0 of job not-a-job.',
    );
  });
});

describe('parseRange', () => {
  it('reads one range and ignores what it need not answer', () => {
    expect(parseRange('bytes=0-0', 10)).toEqual({ start: 0, end: 0 });
    expect(parseRange('bytes=5-', 10)).toEqual({ start: 5, end: 9 });
    expect(parseRange('bytes=5-99', 10)).toEqual({ start: 5, end: 9 });
    expect(parseRange('bytes=-99', 10)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=10-', 10)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 10)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-1,4-5', 10)).toBeUndefined();
    expect(parseRange('items=0-1', 10)).toBeUndefined();
    expect(parseRange('bytes=7-3', 10)).toBeUndefined();
  });
});
