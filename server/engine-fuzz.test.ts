/**
 * Fuzzing every engine route with fast-check: random and mutated bodies, headers and content
 * types. Each answer must be well formed (an error in the contract's shape, or a real success),
 * nothing may crash, and afterwards the engine still answers a valid request within its memory
 * bound.
 */
import { request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from './engine';
import { ENGINE_ADMIN_HEADERS, NDJSON, ORIGIN, imagineWait, type Json } from './engine-test-kit';
import { startEngineServer, type EngineServer } from './http/http-server';

const RUNS = 1000;
const TOKEN = 'fuzz-token';
const MAX_BYTES = 64 * 1024 * 1024;

const printable = (max: number) => fc.stringMatching(new RegExp(`^[\\x20-\\x7e]{0,${max}}$`));

const contentType = fc.option(
  fc.oneof(
    fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/x-ndjson',
    ),
    printable(30),
  ),
);
const authorization = fc.option(
  fc.oneof(
    fc.constant(`Bearer ${TOKEN}`),
    fc.constantFrom('Bearer wrong', 'Basic Zm9vOmJhcg==', 'Bearer ', 'bearer fuzz-token'),
    printable(40),
  ),
);
const accept = fc.option(
  fc.oneof(fc.constantFrom('application/json', NDJSON, '*/*'), printable(20)),
);
const origin = fc.option(fc.constantFrom(ORIGIN, 'https://evil.example', 'null'));

/** A valid body of the route, with one field changed, removed or added. */
function mutated(base: Json): fc.Arbitrary<unknown> {
  const keys = Object.keys(base);
  return fc.oneof(
    fc.constant(base),
    fc.record({ key: fc.constantFrom(...keys), value: fc.jsonValue() }).map(({ key, value }) => {
      // A new prompt text would draw a new picture; an unknown parameter fails the task first.
      const v = key === 'prompt' && typeof value === 'string' ? `${value} --fuzz` : value;
      return { ...base, [key]: v };
    }),
    fc.constantFrom(...keys).map((key) => {
      const copy = { ...base };
      delete copy[key];
      return copy;
    }),
    fc.record({ key: printable(12), value: fc.jsonValue() }).map(({ key, value }) => ({
      ...base,
      [key]: value,
    })),
  );
}

/** Body text: random bytes, random JSON, a mutated valid body, or one cut short. */
function bodyText(bases: Json[]): fc.Arbitrary<string | Uint8Array | undefined> {
  const valid = fc.constantFrom(...bases).chain(mutated);
  return fc.oneof(
    fc.constant(undefined),
    fc.uint8Array({ maxLength: 200 }).map((a) => new Uint8Array(a)),
    fc.json(),
    valid.map((v) => JSON.stringify(v)),
    fc
      .tuple(valid, fc.nat())
      .map(([v, n]) => JSON.stringify(v).slice(0, n % (JSON.stringify(v).length + 1))),
  );
}

/** No random object may set a token the test cannot know. */
function safeToken(text: string | Uint8Array | undefined): string | Uint8Array | undefined {
  if (typeof text !== 'string') return text;
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === 'object' && 'token' in value) {
      const t = (value as Json).token;
      if (typeof t === 'string' && t !== '')
        return JSON.stringify({ ...(value as Json), token: TOKEN });
    }
  } catch {
    /* not JSON: left as it is */
  }
  return text;
}

interface Case {
  method: string;
  path: string;
  body: string | Uint8Array | undefined;
  headers: Record<string, string>;
}

function caseOf(methods: string[], paths: fc.Arbitrary<string>, bases: Json[]): fc.Arbitrary<Case> {
  return fc
    .record({
      method: fc.constantFrom(...methods),
      path: paths,
      body: bodyText(bases),
      contentType,
      authorization,
      accept,
      origin,
    })
    .map((c) => {
      const headers: Record<string, string> = {};
      if (c.contentType !== null) headers['content-type'] = c.contentType;
      if (c.authorization !== null) headers.authorization = c.authorization;
      if (c.accept !== null) headers.accept = c.accept;
      if (c.origin !== null) headers.origin = c.origin;
      return { method: c.method, path: c.path, body: safeToken(c.body), headers };
    });
}

/** Send a case in-process and check the answer is well formed. */
async function check(engine: Engine, c: Case): Promise<void> {
  const hasBody = c.method !== 'GET' && c.method !== 'HEAD';
  const res = await engine.handle(
    new Request(`${ORIGIN}${c.path}`, {
      method: c.method,
      headers: c.headers,
      ...(hasBody && c.body !== undefined
        ? { body: typeof c.body === 'string' ? c.body : new Uint8Array(c.body) }
        : {}),
    }),
  );
  const text = await res.text();
  if (c.method === 'HEAD' || c.method === 'OPTIONS' || res.status === 204) return;
  const type = res.headers.get('content-type') ?? '';
  if (res.status >= 400) {
    const body = JSON.parse(text) as Json;
    const error = body.error as Json;
    expect(typeof error.code, text).toBe('string');
    expect(typeof error.message, text).toBe('string');
    expect(String(error.message).length).toBeGreaterThan(0);
    return;
  }
  expect(res.status, text).toBeLessThan(300);
  if (type.startsWith('image/')) return;
  // A success: JSON, or NDJSON lines that each parse.
  for (const line of text.split('\n').filter((l) => l.trim())) JSON.parse(line);
}

const IMAGINE_BASES: Json[] = [
  { prompt: 'a fuzzed harbour --seed 1' },
  { prompt: 'a fuzzed harbour --seed 1', async: true },
  { action: 'upscale1', image_id: '1' },
  { action: 'variation_region', image_id: '1', mask: 'iVBORw0KGgo=' },
  { prompt: 'https://img.example/a.png a fuzzed harbour', callback_url: 'https://cb.example/x' },
];
const TASKS_BASES: Json[] = [
  { action: 'retrieve', id: 'x' },
  { action: 'retrieve_batch', ids: ['a', 'b'], offset: 0, limit: 5 },
  { trace_id: 't' },
];
const ADMIN_BASES: Json[] = [
  { ms: 0 },
  { count: 1, drop_at: 50 },
  { status: 500 },
  { stall: true },
  { token: null },
  { token: TOKEN },
];

describe('fuzzing every route (in-process)', () => {
  let engine: Engine;
  beforeAll(() => {
    engine = createEngine({
      paceMs: 0,
      token: TOKEN,
      maxBytes: MAX_BYTES,
      fetchImpl: () => Promise.reject(new Error('no network in tests')),
    });
  });
  afterAll(() => engine.close());

  const targets: [string, fc.Arbitrary<Case>][] = [
    [
      'POST /midjourney/imagine',
      caseOf(['POST'], fc.constant('/midjourney/imagine'), IMAGINE_BASES),
    ],
    ['POST /midjourney/tasks', caseOf(['POST'], fc.constant('/midjourney/tasks'), TASKS_BASES)],
    ...['state', 'pace', 'faults', 'token', 'restart', 'reset'].map(
      (name): [string, fc.Arbitrary<Case>] => [
        `/__engine/${name}`,
        caseOf(
          ['GET', 'POST', 'DELETE', 'PUT', 'OPTIONS'],
          fc.constant(`/__engine/${name}`),
          ADMIN_BASES,
        ),
      ],
    ),
    [
      'GET /attachments/*',
      caseOf(
        ['GET', 'HEAD', 'POST'],
        printable(60).map((p) => `/attachments/${encodeURIComponent(p)}?ex=${p.length}`),
        [{ x: 1 }],
      ),
    ],
    [
      'other paths',
      caseOf(
        ['GET', 'POST', 'PATCH'],
        fc.oneof(
          fc.constantFrom('/midjourney/describe', '/midjourney/', '/midjourney/imagine/x'),
          printable(30).map((p) => `/midjourney/${encodeURIComponent(p)}`),
        ),
        TASKS_BASES,
      ),
    ],
  ];

  for (const [name, arbitrary] of targets)
    it(`${name}: ${RUNS} random requests, each answered in the contract's shape`, async () => {
      await fc.assert(
        fc.asyncProperty(arbitrary, (c) => check(engine, c)),
        { numRuns: RUNS },
      );
      // Whatever the fuzz armed or changed, the engine is put back and still works.
      const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
      await engine.handle(
        new Request(`${ORIGIN}/__engine/reset`, { method: 'POST', headers: auth, body: '{}' }),
      );
      await engine.idle();
      const { bytes, request_bytes } = engine.state();
      expect(bytes + request_bytes).toBeLessThanOrEqual(MAX_BYTES);
      const done = await imagineWait(
        engine,
        { prompt: 'a fuzzed harbour --seed 1' },
        { token: TOKEN },
      );
      expect(done).toMatchObject({ success: true, progress: 100 });
    }, 120_000);
});

describe('fuzzing over real HTTP', () => {
  let server: EngineServer;
  beforeAll(async () => {
    server = await startEngineServer({ port: 0, paceMs: 0, token: TOKEN, maxBytes: MAX_BYTES });
  });
  afterAll(() => server.close());

  it('400 random requests in a row: every one answered, no reset connection', async () => {
    const arbitrary = caseOf(
      ['POST', 'GET', 'PUT', 'DELETE', 'OPTIONS', 'TRACE'],
      fc.constantFrom(
        '/midjourney/imagine',
        '/midjourney/tasks',
        '/__engine/pace',
        '/__engine/token',
        '/attachments/x',
        '/nope',
      ),
      [...TASKS_BASES, ...ADMIN_BASES, { prompt: 'x --fuzz' }],
    );
    let previous = '';
    await fc.assert(
      fc.asyncProperty(arbitrary, async (c) => {
        const status = await new Promise<number | string>((resolve) => {
          const req = httpRequest(
            `${server.url}${c.path}`,
            { method: c.method, headers: c.headers },
            (res) => {
              res.resume();
              res.on('end', () => resolve(res.statusCode ?? 0));
            },
          );
          req.on('error', (e) => resolve(String(e)));
          req.end(c.body === undefined ? undefined : Buffer.from(c.body));
        });
        expect(typeof status, `${String(status)} after ${previous}`).toBe('number');
        previous = JSON.stringify(c);
      }),
      { numRuns: 400 },
    );
    const res = await fetch(`${server.url}/__engine/state`, {
      headers: { authorization: `Bearer ${TOKEN}`, ...ENGINE_ADMIN_HEADERS },
    });
    expect(res.status).toBe(200);
  }, 120_000);
});
