import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isApiError, type ApiError } from './errors';
import { readNdjson } from './ndjson';
import { GUIDE_STREAM_LINES } from './fixtures/guide-bodies';
import { startScriptedServer, writeChunks, type ScriptedServer } from './fixtures/scripted-server';

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(async () => {
  await server.close();
});

const enc = new TextEncoder();

/** Serves `chunks` as one NDJSON response, each chunk its own write. */
function serveChunks(chunks: readonly (string | Uint8Array)[], gapMs = 2): void {
  server.script(async (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/x-ndjson' });
    res.flushHeaders();
    await writeChunks(res, chunks, gapMs);
    res.end();
  });
}

async function openBody(): Promise<ReadableStream<Uint8Array>> {
  const res = await fetch(`${server.url}/stream`);
  expect(res.body).not.toBeNull();
  return res.body!;
}

async function collect(body: ReadableStream<Uint8Array>, signal?: AbortSignal) {
  const values: unknown[] = [];
  let error: ApiError | undefined;
  try {
    for await (const v of readNdjson(body, signal)) values.push(v);
  } catch (err) {
    if (!isApiError(err)) throw err;
    error = err;
  }
  return { values, error };
}

/** Splits bytes at the given offsets. */
function splitAt(bytes: Uint8Array, offsets: number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let prev = 0;
  for (const o of [...offsets, bytes.length]) {
    out.push(bytes.slice(prev, o));
    prev = o;
  }
  return out;
}

describe('readNdjson over a real HTTP stream', () => {
  it('decodes UTF-8 characters and JSON split across chunks', async () => {
    const text = '{"t":"café"}\n{"t":"猫 🐱"}\n';
    const bytes = enc.encode(text);
    const e = text.indexOf('é'); // 2 bytes in UTF-8; char index == byte index before it
    const cat = enc.encode('{"t":"café"}\n{"t":"').length; // first byte of 猫 (3 bytes)
    const emoji = cat + 4; // after 猫 and the space: first byte of 🐱 (4 bytes)
    // Mid-"é", mid-猫 twice, mid-🐱, and mid-JSON (inside the key of line 2).
    const chunks = splitAt(bytes, [3, e + 1, 15, cat + 1, cat + 2, emoji + 2]);
    expect(chunks.every((c) => c.length > 0)).toBe(true);
    // The split really lands inside the characters: chunk 2 ends with é's lead byte.
    expect(chunks[1]![chunks[1]!.length - 1]).toBe(0xc3);
    serveChunks(chunks);

    const { values, error } = await collect(await openBody());
    expect(error).toBeUndefined();
    expect(values).toEqual([{ t: 'café' }, { t: '猫 🐱' }]);
  });

  it('strips CR of CRLF even when \\r and \\n arrive in different chunks', async () => {
    serveChunks(['{"a":1}\r', '\n{"a":"x\\r"}\r', '\n', '{"a":3}\r\n']);
    const { values } = await collect(await openBody());
    // The escaped \r inside the string is data and stays.
    expect(values).toEqual([{ a: 1 }, { a: 'x\r' }, { a: 3 }]);
  });

  it('reads a stream delivered one byte per chunk', async () => {
    const text = `{"n":1,"s":"é"}\r\n\n{"n":2,"s":"猫"}\n{"n":3}`;
    const bytes = enc.encode(text);
    serveChunks(
      Array.from(bytes, (b) => Uint8Array.of(b)),
      1,
    );
    const { values, error } = await collect(await openBody());
    expect(error).toBeUndefined();
    expect(values).toEqual([{ n: 1, s: 'é' }, { n: 2, s: '猫' }, { n: 3 }]);
  });

  it('yields every line of a chunk holding several lines and skips blank ones', async () => {
    serveChunks(['\n{"n":1}\n\n{"n":2}\n   \n\r\n{"n":3}\n{"n":', '4}\n\n']);
    const { values } = await collect(await openBody());
    expect(values).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }]);
  });

  it('parses a final line that has no newline', async () => {
    serveChunks(['{"n":1}\n{"n"', ':2}']);
    const { values, error } = await collect(await openBody());
    expect(error).toBeUndefined();
    expect(values).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('reads the guide stream lines exactly (CRLF, split mid-URL)', async () => {
    const text = GUIDE_STREAM_LINES.join('\r\n') + '\r\n';
    const bytes = enc.encode(text);
    serveChunks(splitAt(bytes, [100, 700, 701, 1500]));
    const { values } = await collect(await openBody());
    expect(values).toEqual(GUIDE_STREAM_LINES.map((l) => JSON.parse(l)));
    expect(values.map((v) => (v as { progress: number }).progress)).toEqual([35, 75, 100]);
  });

  it('throws an invalid error naming the malformed line and its number', async () => {
    serveChunks(['\n{"n":1}\n{"n":2,\r', '\n{"n":3}\n']);
    const { values, error } = await collect(await openBody());
    expect(values).toEqual([{ n: 1 }]);
    expect(error?.kind).toBe('invalid');
    expect(error?.message).toBe('Line 3 of the stream is not valid JSON: {"n":2,');
  });

  it('truncates a long malformed line in the message', async () => {
    serveChunks([`<html>${'x'.repeat(500)}</html>\n`]);
    const { error } = await collect(await openBody());
    expect(error?.kind).toBe('invalid');
    expect(error?.message).toContain(
      `Line 1 of the stream is not valid JSON: <html>${'x'.repeat(114)}…`,
    );
    expect(error?.message).not.toContain('x'.repeat(115));
  });

  it('throws a network error when the server cuts the connection mid-line', async () => {
    server.script(async (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      await writeChunks(res, ['{"n":1}\n{"n":']);
      res.destroy();
    });
    const { values, error } = await collect(await openBody());
    expect(values).toEqual([{ n: 1 }]);
    expect(error?.kind).toBe('network');
  });

  it('stops on abort mid-stream, hangs up and releases the body', async () => {
    server.script(async (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      res.write('{"n":1}\n');
      // Then silence: only our abort can end this stream.
    });
    const body = await openBody();
    const ctrl = new AbortController();
    const gen = readNdjson(body, ctrl.signal);
    expect(await gen.next()).toEqual({ done: false, value: { n: 1 } });
    const pending = gen.next(); // a read is now waiting on the silent socket
    ctrl.abort();
    await expect(pending).rejects.toMatchObject({ name: 'ApiError', kind: 'aborted' });
    expect(await server.closed()).toEqual({ early: true });
    expect(body.locked).toBe(false);
  });

  it('hangs up and releases the body when the consumer stops early', async () => {
    server.script(async (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      res.write('{"n":1}\n{"n":2}\n');
    });
    const body = await openBody();
    const seen: unknown[] = [];
    for await (const v of readNdjson(body)) {
      seen.push(v);
      break;
    }
    expect(seen).toEqual([{ n: 1 }]);
    expect(await server.closed()).toEqual({ early: true });
    expect(body.locked).toBe(false);
  });

  it('rejects at once when the signal has already fired', async () => {
    serveChunks(['{"n":1}\n']);
    const body = await openBody();
    const { values, error } = await collect(body, AbortSignal.abort());
    expect(values).toEqual([]);
    expect(error?.kind).toBe('aborted');
    await body.cancel();
  });
});

describe('readNdjson on an in-memory stream', () => {
  function streamOf(chunks: Uint8Array[]) {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(ctrl) {
        const next = chunks.shift();
        if (next) ctrl.enqueue(next);
        else ctrl.close();
      },
      cancel() {
        cancelled = true;
      },
    });
    return { stream, wasCancelled: () => cancelled };
  }

  it('decodes a 4-byte character split at every possible byte', async () => {
    const bytes = enc.encode('{"e":"🐱"}\n');
    for (let cut = 1; cut < bytes.length; cut++) {
      const { stream } = streamOf(splitAt(bytes, [cut]));
      const { values } = await collect(stream);
      expect(values).toEqual([{ e: '🐱' }]);
    }
  });

  it('cancels the source when a malformed line stops the read', async () => {
    const { stream, wasCancelled } = streamOf([
      enc.encode('oops\n{"n":1}\n'),
      enc.encode('{"n":2}\n'),
    ]);
    const { error } = await collect(stream);
    expect(error?.message).toBe('Line 1 of the stream is not valid JSON: oops');
    expect(wasCancelled()).toBe(true);
    expect(stream.locked).toBe(false);
  });
});
