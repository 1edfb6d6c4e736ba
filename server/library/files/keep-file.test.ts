import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { insertJobs } from '../db/fixtures/job-rows';
import { embeddedDataDir } from '../db/fixtures/pglite-template';
import { openLibrary, type OpenedLibrary } from '../db/open-library';
import { files, jobs } from '../db/schema';
import { fileErrorWords, type FileError } from './file-errors';
import type { FileStore } from './file-store';
import { bytesOf, patterned, streamOf } from './fixtures/streams';
import { folderStore } from './folder-store';
import { createKeeper, type KeeperOptions } from './keep-file';

const CDN = 'https://cdn.example';

/** A picture host: each URL path answers what `routes` says; every fetch is counted. */
function host(routes: Record<string, () => Response>) {
  const fetched: string[] = [];
  const fetchImpl = (async (input: URL | RequestInfo) => {
    const url = new URL(String(input));
    fetched.push(url.href);
    return routes[url.pathname]?.() ?? new Response('no', { status: 404 });
  }) as typeof fetch;
  return { fetched, fetchImpl };
}

const picture =
  (bytes: Uint8Array, type = 'image/png', length = true) =>
  () =>
    new Response(streamOf(bytes), {
      headers: {
        'content-type': type,
        ...(length ? { 'content-length': String(bytes.length) } : {}),
      },
    });

describe('keepFile', () => {
  let folder: Awaited<ReturnType<typeof embeddedDataDir>>;
  let lib: OpenedLibrary;
  let root: string;
  let jobId: string;
  beforeAll(async () => {
    folder = await embeddedDataDir();
    lib = await openLibrary({ dataDir: folder.dataDir });
  }, 180_000);
  afterAll(async () => {
    await lib?.close();
    folder?.remove();
  });
  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'imagine-studio-kept-'));
    [jobId] = (await insertJobs(lib.db, 1)) as [string];
    return () => rmSync(root, { recursive: true, force: true });
  });

  const keeper = (fetchImpl: typeof fetch, more: Partial<KeeperOptions> = {}) =>
    createKeeper({
      db: lib.db,
      store: folderStore(root),
      allowedOrigins: [CDN],
      fetchImpl,
      ...more,
    });
  const row = async () => (await lib.db.select().from(files).where(eq(files.jobId, jobId)))[0];

  it('keeps an allow-listed picture under its month, job and role, and records it', async () => {
    const bytes = patterned(200_000);
    const { fetchImpl } = host({ '/a.png': picture(bytes) });
    const outcome = await keeper(fetchImpl)({ jobId, role: 'sub:2', sourceUrl: `${CDN}/a.png` });

    const key = `2026-01/${jobId}/sub-2.png`;
    expect(outcome).toMatchObject({ state: 'stored', storageKey: key, bytes: 200_000 });
    expect(await row()).toMatchObject({
      role: 'sub:2',
      sourceUrl: `${CDN}/a.png`,
      state: 'stored',
      storageKey: key,
      contentType: 'image/png',
      bytes: 200_000,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      error: null,
    });
    expect(await bytesOf((await folderStore(root).get(key))!.body)).toEqual(bytes);
  });

  it('keeps a clip sent with no length, at its true length', async () => {
    const bytes = patterned(150_000);
    const { fetchImpl } = host({ '/c.mp4': picture(bytes, 'video/mp4', false) });
    const outcome = await keeper(fetchImpl)({ jobId, role: 'clip:0', sourceUrl: `${CDN}/c.mp4` });
    expect(outcome).toMatchObject({ state: 'stored', bytes: 150_000, contentType: 'video/mp4' });
    expect((await folderStore(root).head(`2026-01/${jobId}/clip-0.mp4`))?.bytes).toBe(150_000);
  });

  it('fetches nothing from an origin off the allow-list, and says so', async () => {
    const { fetched, fetchImpl } = host({ '/a.png': picture(patterned(10)) });
    const outcome = await keeper(fetchImpl)({
      jobId,
      role: 'image',
      sourceUrl: 'https://cdn.example.evil.com/a.png',
    });
    expect(fetched).toEqual([]);
    expect(await row()).toMatchObject({
      state: 'failed',
      error: {
        code: 'file_not_allowed',
        params: { reason: 'The studio does not fetch pictures from https://cdn.example.evil.com.' },
      },
    });
    expect(outcome.state).toBe('failed');
  });

  it('keeps no page that is not a picture or clip', async () => {
    const { fetchImpl } = host({ '/a.png': picture(patterned(10), 'text/html') });
    await keeper(fetchImpl)({ jobId, role: 'image', sourceUrl: `${CDN}/a.png` });
    const failed = await row();
    expect(failed).toMatchObject({ state: 'failed', storageKey: null });
    expect(fileErrorWords(failed!.error as FileError)).toBe(
      'Could not keep a copy: it is not a picture or clip (the host sent text/html).',
    );
    expect(await folderStore(root).head(`2026-01/${jobId}/image.png`)).toBeNull();
  });

  it('caps the size, whether the host says the length or streams more than the cap', async () => {
    const big = patterned(3000);
    const said = host({ '/a.png': picture(big) });
    const unsaid = host({ '/a.png': picture(big, 'image/png', false) });
    for (const { fetchImpl } of [said, unsaid]) {
      const outcome = await keeper(fetchImpl, { maxPictureBytes: 2048 })({
        jobId,
        role: 'image',
        sourceUrl: `${CDN}/a.png`,
      });
      expect(outcome).toEqual({
        state: 'failed',
        error: { code: 'file_too_large', params: { maxMb: 0 } },
      });
      expect(await folderStore(root).head(`2026-01/${jobId}/image.png`)).toBeNull();
    }
    // A clip has its own, larger cap.
    const clip = host({ '/c.mp4': picture(big, 'video/mp4') });
    const outcome = await keeper(clip.fetchImpl, { maxPictureBytes: 2048 })({
      jobId,
      role: 'clip:0',
      sourceUrl: `${CDN}/c.mp4`,
    });
    expect(outcome.state).toBe('stored');
  });

  it('records a full disk in words and leaves the job row as it was', async () => {
    const full: FileStore = {
      ...folderStore(root),
      async put(_key, body) {
        await body.getReader().read();
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
          code: 'ENOSPC',
        });
      },
    };
    const before = (await lib.db.select().from(jobs).where(eq(jobs.id, jobId)))[0];
    const { fetchImpl } = host({ '/a.png': picture(patterned(100_000)) });
    const outcome = await keeper(fetchImpl, { store: full })({
      jobId,
      role: 'image',
      sourceUrl: `${CDN}/a.png`,
    });

    expect(outcome).toEqual({ state: 'failed', error: { code: 'file_disk_full', params: {} } });
    const failed = await row();
    expect(failed?.state).toBe('failed');
    expect(fileErrorWords(failed!.error as FileError)).toBe(
      "Could not keep a copy: the server's disk is full.",
    );
    expect((await lib.db.select().from(jobs).where(eq(jobs.id, jobId)))[0]).toEqual(before);
  });
});
