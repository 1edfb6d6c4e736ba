/**
 * A fetched body on its way to a store: counted against a cap and its declared length, hashed as
 * it goes, and telling afterwards whether it was the source that failed (too large, cut off)
 * rather than the store. A body of no declared length is first spooled to a temporary file, as
 * a bucket takes a PUT only with its length.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { pipeline } from 'node:stream/promises';
import type { FileStore } from './file-store';

/** How the source failed, if it did. */
export type SourceFault = 'too_large' | 'cut';

/** A watched body. */
export interface WatchedBody {
  stream: ReadableStream<Uint8Array>;
  /** Why the source failed, once the stream errored; undefined when it did not fail. */
  fault(): SourceFault | undefined;
  /** The sha256 (hex) of the bytes that went through. */
  sha256(): string;
}

/** Watch `body`: more than `cap` bytes, or other than `declared`, errors the stream. */
export function watched(
  body: ReadableStream<Uint8Array>,
  cap: number,
  declared: number | undefined,
): WatchedBody {
  const hash = createHash('sha256');
  const reader = body.getReader();
  let seen = 0;
  let fault: SourceFault | undefined;
  const fail = (controller: ReadableStreamDefaultController, why: SourceFault) => {
    fault = why;
    void reader.cancel().catch(() => undefined);
    controller.error(new Error(`source ${why}`));
  };
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch {
        return fail(controller, 'cut');
      }
      if (next.done) {
        if (declared !== undefined && seen !== declared) return fail(controller, 'cut');
        return controller.close();
      }
      seen += next.value.byteLength;
      if (seen > cap) return fail(controller, 'too_large');
      if (declared !== undefined && seen > declared) return fail(controller, 'cut');
      hash.update(next.value);
      controller.enqueue(next.value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return { stream, fault: () => fault, sha256: () => hash.digest('hex') };
}

/**
 * Put `stream` under `key` with its length: as it comes when the length is known, else spooled
 * to a temporary file first. The length kept.
 */
export async function putKnownLength(
  store: FileStore,
  key: string,
  stream: ReadableStream<Uint8Array>,
  contentType: string,
  declared: number | undefined,
): Promise<number> {
  if (declared !== undefined) {
    await store.put(key, stream, { contentType, bytes: declared });
    return declared;
  }
  const dir = await mkdtemp(join(tmpdir(), 'imagine-studio-keeping-'));
  try {
    const spool = join(dir, 'body');
    const counter = createWriteStream(spool);
    await pipeline(Readable.fromWeb(stream as NodeReadableStream<Uint8Array>), counter);
    const bytes = counter.bytesWritten;
    const body = Readable.toWeb(createReadStream(spool)) as ReadableStream<Uint8Array>;
    await store.put(key, body, { contentType, bytes });
    return bytes;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
