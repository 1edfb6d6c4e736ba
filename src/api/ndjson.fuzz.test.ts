/**
 * Property-based fuzzing of the stream path: `readNdjson` and the imagine client's stream
 * delivery, fed random bytes, random JSON, truncated and huge lines and invalid UTF-8, cut into
 * random chunks (multi-byte characters split across them) and sometimes broken off. Every run
 * must end in values or a typed `ApiError`: never another exception, never a hang, and never a
 * link that may not reach a `src`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { imagine, type ImagineEvent } from './client';
import { isApiError } from './errors';
import { readNdjson } from './ndjson';
import { isAllowedUrl } from './url-scheme';

const RUNS = 1000;
const SMALL_CAP = 2048;
const enc = new TextEncoder();

/** `bytes` as a stream in pieces cut at `cuts`; `broken` ends it with a network error. */
function streamOf(bytes: Uint8Array, cuts: number[], broken: boolean): ReadableStream<Uint8Array> {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let at = 0;
  for (const p of [...points, bytes.length]) {
    if (p > at) pieces.push(bytes.slice(at, p));
    at = Math.max(at, p);
  }
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = pieces.shift();
      if (next) controller.enqueue(next);
      else if (broken) controller.error(new TypeError('terminated'));
      else controller.close();
    },
  });
}

const url = fc.oneof(
  fc.webUrl(),
  fc.constantFrom('javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x', 'blob:x'),
  fc.string(),
);

/** A line shaped like the provider's, with random values where they matter. */
const imagineLine = fc
  .record(
    {
      success: fc.boolean(),
      task_id: fc.string(),
      image_id: fc.string(),
      image_url: url,
      raw_image_url: url,
      progress: fc.oneof(fc.integer({ min: -5, max: 120 }), fc.constantFrom('50', 'half')),
      actions: fc.array(fc.string(), { maxLength: 3 }),
      sub_image_urls: fc.array(url, { maxLength: 4 }),
      error: fc.record({ code: fc.string(), message: fc.string() }, { requiredKeys: [] }),
    },
    { requiredKeys: [] },
  )
  .map((o) => JSON.stringify(o));

/** One line of a hostile stream, as bytes. */
const line: fc.Arbitrary<Uint8Array> = fc.oneof(
  imagineLine.map((s) => enc.encode(s)),
  fc.jsonValue().map((v) => enc.encode(JSON.stringify(v))),
  fc.string({ unit: 'grapheme' }).map((s) => enc.encode(s)),
  imagineLine.chain((s) => fc.nat(s.length).map((n) => enc.encode(s.slice(0, n)))),
  fc.uint8Array({ maxLength: 64 }),
  // Invalid UTF-8: lone continuation bytes, a cut multi-byte sequence, overlong forms.
  fc
    .constantFrom([0x80], [0xc3], [0xe2, 0x82], [0xff, 0xfe], [0xc0, 0xaf])
    .map((b) => new Uint8Array([0x22, ...b, 0x22])),
  fc.nat(SMALL_CAP * 3).map((n) => enc.encode(`"${'x'.repeat(n)}"`)),
);

/** Lines joined by \n or \r\n, with or without a final newline. */
const body = fc
  .tuple(fc.array(line, { maxLength: 8 }), fc.boolean(), fc.boolean())
  .map(([lines, crlf, trailing]) => {
    const sep = enc.encode(crlf ? '\r\n' : '\n');
    const parts: number[] = [];
    lines.forEach((l, i) => {
      parts.push(...l);
      if (i < lines.length - 1 || trailing) parts.push(...sep);
    });
    return new Uint8Array(parts);
  });

const cuts = fc.array(fc.nat(), { maxLength: 12 });

describe('readNdjson under fuzzing', () => {
  it('random bytes, chunks and cuts end in values or a typed error', async () => {
    await fc.assert(
      fc.asyncProperty(body, cuts, fc.boolean(), async (bytes, at, broken) => {
        const values: unknown[] = [];
        try {
          for await (const v of readNdjson(streamOf(bytes, at, broken), undefined, {
            maxLineChars: SMALL_CAP,
          }))
            values.push(v);
        } catch (err) {
          expect(isApiError(err), String(err)).toBe(true);
          expect(['invalid', 'network']).toContain((err as { kind: string }).kind);
          return;
        }
        expect(broken).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it('valid JSON lines come out exactly, however they are chunked', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.jsonValue(), { maxLength: 6 }), cuts, async (values, at) => {
        const text = values.map((v) => JSON.stringify(v)).join('\n');
        const out: unknown[] = [];
        for await (const v of readNdjson(streamOf(enc.encode(text), at, false))) out.push(v);
        // JSON text has no -0; compare as the wire carries them.
        expect(out).toEqual(values.map((v) => JSON.parse(JSON.stringify(v)) as unknown));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the imagine client’s stream path under fuzzing', () => {
  it('ends in events or an ApiError, and no event carries a refused link', async () => {
    await fc.assert(
      fc.asyncProperty(
        body,
        cuts,
        fc.boolean(),
        fc.constantFrom(200, 200, 200, 400, 401, 429, 500, 502),
        fc.constantFrom('application/x-ndjson', 'application/json', '', 'text/html'),
        async (bytes, at, broken, status, type) => {
          const events: ImagineEvent[] = [];
          const fetchStub = async () =>
            new Response(streamOf(bytes, at, broken), {
              status,
              headers: type ? { 'content-type': type } : {},
            });
          try {
            for await (const e of imagine(
              { baseUrl: 'http://engine.test', fetch: fetchStub },
              { prompt: 'a fuzzed owl' },
              { delivery: 'stream' },
            ))
              events.push(e);
          } catch (err) {
            expect(isApiError(err), String(err)).toBe(true);
          }
          for (const e of events) {
            if (e.type === 'accepted') continue;
            const r = e.response;
            for (const u of [r.image_url, r.raw_image_url, ...(r.sub_image_urls ?? [])])
              if (u !== undefined) expect(isAllowedUrl(u), u).toBe(true);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a line longer than the cap is a clear invalid error, not a string that grows forever', async () => {
    const huge = enc.encode(`{"progress":${'1'.repeat(SMALL_CAP * 4)}`);
    const err = await (async () => {
      for await (const _ of readNdjson(streamOf(huge, [7, 900, 3000], false), undefined, {
        maxLineChars: SMALL_CAP,
      })) {
        // no line should come out
      }
    })().catch((e: unknown) => e);
    expect(isApiError(err) && err.kind).toBe('invalid');
    expect((err as Error).message).toMatch(/^Line 1 of the stream is longer than 2048 characters/);
  });
});
