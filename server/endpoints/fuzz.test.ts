/**
 * Fuzzing every engine route with fast-check: random and mutated bodies, headers and content
 * types. The registry's imagine and tasks come with the bases in their folders' `<name>-fuzz.ts`
 * (the other endpoints: fuzz-endpoints.test.ts). Each answer must be well formed (an error in
 * the contract's shape, or a real success), nothing may crash, and afterwards the engine still
 * answers a valid request within its memory bound.
 */
import { request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from './create-engine';
import { RUNS, TOKEN, caseOf, check, printable, type Case } from './fixtures/fuzz-kit';
import { fuzzTargets } from './fixtures/fuzz-targets';
import { ENDPOINTS } from './registry';
import { ENGINE_ADMIN_HEADERS, ORIGIN, imagineWait, type Json } from './fixtures/engine-test-kit';
import { startEngineServer, type EngineServer } from '../host/http-server';

const MAX_BYTES = 64 * 1024 * 1024;
const FAR = 'https://img.example/a.png';

/** Endpoints fuzzed here: the registry's entries whose fuzz target checks no success schema. */
const SHAPE_ONLY = (await fuzzTargets(ENDPOINTS)).filter(([, fuzz]) => fuzz.valid === undefined);
const WORLD = { picture: FAR, imageId: '1', far: FAR };
const TASKS = (await fuzzTargets([{ name: 'tasks' }]))[0]![1];

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
    // The registry's endpoints checked for shape only (the others: fuzz-endpoints.test.ts).
    ...SHAPE_ONLY.map(([name, fuzz]): [string, fc.Arbitrary<Case>] => [
      `POST /midjourney/${name}`,
      caseOf(['POST'], fc.constant(`/midjourney/${name}`), fuzz.bases(WORLD), fuzz.options),
    ]),
    ...['state', 'pace', 'faults', 'token', 'restart', 'reset'].map(
      (name): [string, fc.Arbitrary<Case>] => [
        `/__engine/${name}`,
        caseOf(
          ['GET', 'POST', 'DELETE', 'PUT', 'OPTIONS'],
          fc.constant(`/__engine/${name}`),
          ADMIN_BASES,
          { admin: true },
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
        TASKS.bases(WORLD),
      ),
    ],
  ];

  for (const [name, arbitrary] of targets)
    it(`${name}: ${RUNS} random requests, each answered in the contract's shape`, async () => {
      await fc.assert(
        fc.asyncProperty(arbitrary, async (c) => {
          await check(engine, c);
        }),
        { numRuns: RUNS },
      );
      // Whatever the fuzz armed or changed, the engine is put back and still works.
      const auth = {
        authorization: `Bearer ${TOKEN}`,
        'content-type': 'application/json',
        ...ENGINE_ADMIN_HEADERS,
      };
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
      [...TASKS.bases(WORLD), ...ADMIN_BASES, { prompt: 'x --fuzz' }],
      { admin: true },
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
