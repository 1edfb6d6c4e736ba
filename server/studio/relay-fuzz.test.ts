/**
 * Fuzzing the image relay and the AceData pass-through with fast-check, 1,000 cases each:
 * random URLs and tricks against random upstreams (any status, type, encoding, declared length,
 * redirect and body). Whatever comes, the relay fetches only from its allow-list, answers a
 * picture of a canonical type whose declared length is the bytes it sends, or a refusal; the
 * pass-through answers only what the API speaks, contained, or a 502 with words.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROVIDER_CDN_ORIGINS } from '../../src/api/origins';
import { PICTURE_TYPES } from '../shared/allowed-fetch';
import { createPassThrough } from './pass-through';
import { createRelay } from './relay';

const RUNS = 1000;
const ENGINE_CDN = 'http://127.0.0.1:4999';
const ALLOWED = [...PROVIDER_CDN_ORIGINS, ENGINE_CDN];
const MAX_BYTES = 4096;

const printable = (max: number) => fc.stringMatching(new RegExp(`^[\\x20-\\x7e]{0,${max}}$`));

/** Content types an upstream might send: pictures spelled every way, tricks, nonsense. */
const upstreamType = fc.option(
  fc.oneof(
    fc.constantFrom(...PICTURE_TYPES),
    fc
      .tuple(fc.constantFrom(...PICTURE_TYPES), printable(20))
      .map(([t, rest]) => `${t.toUpperCase()};${rest}`),
    fc.constantFrom(
      'image/png;x, text/html',
      'text/html, image/png',
      'image/svg+xml',
      'text/html',
      'application/json',
      'application/x-ndjson',
      'text/event-stream; charset=utf-8',
      'text/javascript',
      'application/json, text/html',
      'image/png ,',
    ),
    printable(40),
  ),
);

/** What one fake upstream answers: fetch's view of it (bodies already decoded, as undici gives). */
interface Upstream {
  status: number;
  type: string | null;
  encoding: string | null;
  body: Uint8Array;
  /** The declared length: the true one, a lie, or none. */
  length: 'true' | 'none' | number;
  location: string | null;
}

const upstream: fc.Arbitrary<Upstream> = fc.record({
  status: fc.oneof(
    { weight: 5, arbitrary: fc.constant(200) },
    fc.constantFrom(204, 301, 302, 307, 308, 403, 404, 410, 429, 500, 503),
  ),
  type: upstreamType,
  encoding: fc.option(fc.constantFrom('gzip', 'br', 'deflate', 'identity', 'gzip, identity')),
  body: fc.uint8Array({ maxLength: 6000 }),
  length: fc.oneof(fc.constant('true' as const), fc.constant('none' as const), fc.nat(9000)),
  location: fc.option(
    fc.oneof(
      fc.constantFrom(...ALLOWED).map((o) => `${o}/next.png`),
      fc.constantFrom(
        '/relative.png',
        'https://evil.example/a.png',
        'http://127.0.0.1:22/',
        'https://midjourney.cdn.acedata.cloud@evil.example/a.png',
        'file:///etc/passwd',
        'javascript:alert(1)',
      ),
      printable(40),
    ),
  ),
});

function responseOf(u: Upstream): Response {
  const headers = new Headers();
  if (u.type !== null) headers.set('content-type', u.type);
  if (u.encoding !== null) headers.set('content-encoding', u.encoding);
  if (u.length === 'true') headers.set('content-length', String(u.body.length));
  else if (u.length !== 'none') headers.set('content-length', String(u.length));
  if (u.location !== null) headers.set('location', u.location);
  const noBody = u.status === 204 || u.status === 304;
  return new Response(noBody ? null : new Uint8Array(u.body), { status: u.status, headers });
}

/** A URL to relay: an allowed one with a random path, or one of many ways around the list. */
const relayUrl = fc.oneof(
  fc
    .tuple(fc.constantFrom(...ALLOWED), printable(30))
    .map(([o, p]) => `${o}/${encodeURIComponent(p)}`),
  fc
    .tuple(
      fc.constantFrom(...PROVIDER_CDN_ORIGINS),
      fc.constantFrom(
        (o: string) => o.replace('https://', 'http://'),
        (o: string) => `${o}.evil.example`,
        (o: string) => `${o}:8443`,
        (o: string) => o.replace('https://', 'https://user:pass@'),
        (o: string) => `https://evil.example#@${o.slice(8)}`,
        (o: string) => `https://evil.example\\@${o.slice(8)}`,
        (o: string) => o.replace('.cloud', '.cloud.'),
      ),
    )
    .map(([o, trick]) => `${trick(o)}/a.png`),
  fc.constantFrom(
    'http://2130706433:4999/a.png',
    'http://[::ffff:127.0.0.1]:4999/a.png',
    'http://localhost:4999/a.png',
    'https://127.0.0.1:4999/a.png',
    'data:image/png;base64,AAAA',
    'file:///etc/passwd',
  ),
  printable(80),
);

async function readAll(res: Response): Promise<{ bytes: number; failed: boolean }> {
  try {
    return { bytes: (await res.arrayBuffer()).byteLength, failed: false };
  } catch {
    return { bytes: -1, failed: true };
  }
}

describe('fuzzing the relay', () => {
  it(`${RUNS} random URLs against random upstreams: only the list is fetched, and the answer is true`, async () => {
    await fc.assert(
      fc.asyncProperty(
        relayUrl,
        fc.array(upstream, { minLength: 1, maxLength: 5 }),
        async (url, hops) => {
          const fetched: string[] = [];
          const relay = createRelay({
            allowedOrigins: ALLOWED,
            maxBytes: MAX_BYTES,
            fetchImpl: async (input) => {
              fetched.push(String(input));
              return responseOf(hops[Math.min(fetched.length - 1, hops.length - 1)]!);
            },
          });
          const res = await relay(
            new Request(`http://studio.test/relay?url=${encodeURIComponent(url)}`),
          );
          for (const f of fetched) expect(ALLOWED, f).toContain(new URL(f).origin);
          const type = res.headers.get('content-type');
          if (res.status !== 200) {
            const body = JSON.parse(await res.text()) as {
              error: { code: string; message: string };
            };
            expect(body.error.code).toBe('relay_refused');
            expect(body.error.message.length).toBeGreaterThan(0);
            expect(res.headers.get('cache-control')).toBe('no-store');
            return;
          }
          expect(PICTURE_TYPES).toContain(type);
          expect(res.headers.get('content-security-policy')).toContain('sandbox');
          expect(res.headers.get('x-content-type-options')).toBe('nosniff');
          const declared = res.headers.get('content-length');
          const { bytes, failed } = await readAll(res);
          // A declared length is the count that is sent; the answer is cut instead when the
          // upstream went over the cap or did not send what it declared. A body fetch decoded
          // has no length of its own to keep, so it is never cut for one.
          const hop = hops[Math.min(fetched.length, hops.length) - 1]!;
          const decoded = hop.encoding !== null && hop.encoding !== 'identity';
          const upstreamBytes = hop.body.length;
          if (failed)
            expect(
              upstreamBytes > MAX_BYTES ||
                (!decoded && declared !== null && Number(declared) !== upstreamBytes),
            ).toBe(true);
          else if (declared !== null) expect(Number(declared)).toBe(bytes);
        },
      ),
      { numRuns: RUNS },
    );
  }, 120_000);
});

/** Request headers a browser or a hostile page might send through. */
const requestHeaders = fc.dictionary(
  fc.constantFrom(
    'authorization',
    'cookie',
    'x-forwarded-for',
    'origin',
    'accept',
    'content-type',
    'x-api-key',
    'traceparent',
    'host',
  ),
  printable(30),
  { maxKeys: 6 },
);

describe('fuzzing the pass-through', () => {
  it(`${RUNS} random requests against random upstreams: only API answers pass, contained`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'HEAD', 'PUT', 'DELETE'),
        printable(60),
        requestHeaders,
        upstream,
        fc.dictionary(
          fc.constantFrom(
            'set-cookie',
            'access-control-allow-origin',
            'server',
            'cache-control',
            'retry-after',
            'x-trace-id',
          ),
          printable(20),
          { maxKeys: 4 },
        ),
        async (method, path, headers, up, extra) => {
          const sentTo: { url: string; headers: Headers }[] = [];
          const passThrough = createPassThrough('https://api.example/v1', async (input, init) => {
            sentTo.push({ url: String(input), headers: new Headers(init?.headers) });
            const res = responseOf(up);
            const out = new Headers(res.headers);
            for (const [k, v] of Object.entries(extra)) out.set(k, v);
            return new Response(res.body, { status: res.status, headers: out });
          });
          const safeHeaders = new Headers();
          for (const [k, v] of Object.entries(headers)) {
            try {
              safeHeaders.set(k, v);
            } catch {
              /* not a header value fetch can carry */
            }
          }
          const res = await passThrough(
            new Request(`http://studio.test/acedata/${encodeURI(path)}`, {
              method,
              headers: safeHeaders,
              ...(method === 'POST' ? { body: 'x' } : {}),
            }),
          );
          for (const s of sentTo) {
            expect(new URL(s.url).origin).toBe('https://api.example');
            expect(new URL(s.url).pathname.startsWith('/v1/')).toBe(true);
            for (const name of ['cookie', 'x-forwarded-for', 'origin', 'x-api-key', 'host'])
              expect(s.headers.get(name), name).toBeNull();
          }
          expect(res.headers.get('content-disposition')).toBe('attachment');
          expect(res.headers.get('content-security-policy')).toContain('sandbox');
          expect(res.headers.get('cache-control')).toBe('no-store');
          expect(res.headers.get('set-cookie')).toBeNull();
          expect(res.headers.get('access-control-allow-origin')).toBeNull();
          const type = res.headers.get('content-type');
          if (type !== null) {
            const essence = type.split(';')[0]!.trim().toLowerCase();
            expect(['application/json', 'application/x-ndjson', 'text/event-stream']).toContain(
              essence,
            );
            expect(type).not.toContain(',');
          } else expect(await res.text()).toBe('');
          if (res.status === 502 && type === 'application/json') {
            const body = JSON.parse(await res.text()) as { error?: { message?: string } };
            if (body.error) expect(body.error.message?.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: RUNS },
    );
  }, 120_000);
});
