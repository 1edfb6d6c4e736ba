/**
 * Kept files in a folder (`DATA_DIR/files`). Each is written to a temporary name beside its own
 * and renamed into place once whole and flushed: a rename within a folder is atomic, so a reader
 * sees the whole file or none, even if the server dies mid-write.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  StoreFault,
  storeFault,
  typeOfKey,
  validKey,
  type ByteRange,
  type FileStore,
  type StoredFile,
  type StoredRead,
} from './file-store';

/** The ending of a file still being written; never a kept file's name. */
export const PART_SUFFIX = '.part';

/** A store in `root` (made when the first file is kept). */
export function folderStore(root: string): FileStore {
  const pathOf = (key: string): string => {
    if (!validKey(key)) throw new StoreFault('file_store_failed', { key });
    return join(root, key);
  };

  async function head(key: string): Promise<StoredFile | null> {
    try {
      const info = await stat(pathOf(key));
      return info.isFile() ? { contentType: typeOfKey(key), bytes: info.size } : null;
    } catch (err) {
      if ((err as { code?: string }).code === 'ENOENT') return null;
      throw err;
    }
  }

  return {
    kind: 'folder',
    async put(key, body, file) {
      const path = pathOf(key);
      const part = `${path}.${randomBytes(6).toString('hex')}${PART_SUFFIX}`;
      try {
        await mkdir(dirname(path), { recursive: true });
        // `wx`: a leftover of the same name is never written into; `flush`: the bytes are on
        // the disk before the rename makes them visible.
        await pipeline(
          Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>),
          exactLength(file.bytes),
          createWriteStream(part, { flags: 'wx', flush: true }),
        );
        await rename(part, path);
      } catch (err) {
        await rm(part, { force: true }).catch(() => undefined);
        throw storeFault(err);
      }
    },
    async get(key, range?: ByteRange): Promise<StoredRead | null> {
      const found = await head(key);
      if (!found) return null;
      const stream = createReadStream(pathOf(key), range ?? {});
      return { ...found, body: Readable.toWeb(stream) as ReadableStream<Uint8Array> };
    },
    head,
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}

/** Fails the write when the bytes are not the length the file was said to have. */
function exactLength(bytes: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.byteLength;
      done(seen > bytes ? new Error(`more than the ${bytes} bytes declared`) : null, chunk);
    },
    flush(done) {
      done(seen === bytes ? null : new Error(`${seen} bytes, not the ${bytes} declared`));
    },
  });
}
