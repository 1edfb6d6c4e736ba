import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreFault } from './file-store';
import { bytesOf, heldStream, patterned, streamOf } from './fixtures/streams';
import { PART_SUFFIX, folderStore } from './folder-store';

const KEY = '2026-01/0b7e5c52-6c1e-4d1f-9a55-3f2a8f0c1d2e/image.png';

describe('folderStore', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'imagine-studio-files-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('keeps a file under its key and gives back its bytes, type and length', async () => {
    const store = folderStore(root);
    const bytes = patterned(300_000);
    await store.put(KEY, streamOf(bytes), { contentType: 'image/png', bytes: bytes.length });

    expect(existsSync(join(root, KEY))).toBe(true);
    expect(await store.head(KEY)).toEqual({ contentType: 'image/png', bytes: 300_000 });
    const read = await store.get(KEY);
    expect(read?.contentType).toBe('image/png');
    expect(await bytesOf(read!.body)).toEqual(bytes);
  });

  it('reads a byte range, both ends included', async () => {
    const store = folderStore(root);
    const bytes = patterned(10_000);
    await store.put(KEY, streamOf(bytes), { contentType: 'image/png', bytes: bytes.length });

    const read = await store.get(KEY, { start: 1000, end: 1999 });
    expect(read?.bytes).toBe(10_000);
    expect(await bytesOf(read!.body)).toEqual(bytes.slice(1000, 2000));
  });

  it('deletes a file, and a missing one is no error', async () => {
    const store = folderStore(root);
    await store.put(KEY, streamOf(patterned(10)), { contentType: 'image/png', bytes: 10 });
    await store.delete(KEY);
    expect(await store.get(KEY)).toBeNull();
    expect(await store.head(KEY)).toBeNull();
    await expect(store.delete(KEY)).resolves.toBeUndefined();
  });

  it('shows nothing under the key while the file is half written, then the whole file', async () => {
    const store = folderStore(root);
    const held = heldStream(patterned(100), patterned(50));
    const putting = store.put(KEY, held.body, { contentType: 'image/png', bytes: 150 });
    const folder = join(root, KEY, '..');
    // Wait for the first bytes to reach a temporary file beside the kept one.
    while (!existsSync(folder) || !readdirSync(folder).some((n) => n.endsWith(PART_SUFFIX)))
      await new Promise((resolve) => setImmediate(resolve));

    expect(await store.get(KEY)).toBeNull();
    expect(existsSync(join(root, KEY))).toBe(false);
    held.finish();
    await putting;
    expect((await store.head(KEY))?.bytes).toBe(150);
    expect(readdirSync(folder)).toEqual(['image.png']);
  });

  it('keeps nothing, and leaves no temporary file, when the body is shorter than said', async () => {
    const store = folderStore(root);
    const put = store.put(KEY, streamOf(patterned(90)), { contentType: 'image/png', bytes: 100 });
    await expect(put).rejects.toBeInstanceOf(StoreFault);
    expect(await store.get(KEY)).toBeNull();
    expect(readdirSync(join(root, KEY, '..'))).toEqual([]);
  });

  it('says the folder cannot be written to when it is read-only', async (ctx) => {
    mkdirSync(join(root, '2026-01'));
    const locked = readOnly(join(root, '2026-01'));
    if (!locked) ctx.skip('this machine cannot make a folder read-only for its own user');
    try {
      const put = folderStore(root).put(KEY, streamOf(patterned(10)), {
        contentType: 'image/png',
        bytes: 10,
      });
      await expect(put).rejects.toMatchObject({ code: 'file_store_read_only' });
    } finally {
      locked?.undo();
    }
  });
});

/**
 * Make `dir` read-only for this process: by its mode, or (as root, whom modes do not stop) by
 * the immutable attribute. Undefined when neither holds.
 */
function readOnly(dir: string): { undo(): void } | undefined {
  const writable = () => {
    try {
      execFileSync('touch', [join(dir, 'probe')], { stdio: 'ignore' });
      rmSync(join(dir, 'probe'));
      return true;
    } catch {
      return false;
    }
  };
  chmodSync(dir, 0o555);
  if (!writable()) return { undo: () => chmodSync(dir, 0o755) };
  try {
    execFileSync('chattr', ['+i', dir], { stdio: 'ignore' });
  } catch {
    chmodSync(dir, 0o755);
    return undefined;
  }
  const undo = () => {
    execFileSync('chattr', ['-i', dir]);
    chmodSync(dir, 0o755);
  };
  if (writable()) {
    undo();
    return undefined;
  }
  return { undo };
}
