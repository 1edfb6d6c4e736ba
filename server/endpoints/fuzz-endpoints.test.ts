/**
 * Fuzzing the provider's other endpoints (every registry entry whose fuzz target, in its folder,
 * names a success schema) and the engine's upload route, 1,000 cases each: every
 * answer is an error in the contract's shape or a success its schema takes, and most cases get
 * past authentication to the route's own handler. Fetched images come from the engine's own
 * links (a small uploaded picture, read from its store) or fail to fetch: no network, and no
 * case draws a big picture or encodes a clip, so the run stays short.
 */
import fc from 'fast-check';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { createEngine, type Engine } from './create-engine';
import { RUNS, TOKEN, caseOf, check, type Case, type Valid } from './fixtures/fuzz-kit';
import { callJson, imagineWait, type Json } from './fixtures/engine-test-kit';
import { fuzzTargets } from './fixtures/fuzz-targets';
import { ENDPOINTS } from './registry';

const MAX_BYTES = 64 * 1024 * 1024;

/** Endpoints fuzzed here: the registry's entries whose successes are checked against a schema. */
const CHECKED = (await fuzzTargets(ENDPOINTS)).filter(([, fuzz]) => fuzz.valid !== undefined);

const uploadReply = z.object({ success: z.literal(true), url: z.string() });

/** Answers that stopped before the route's handler: authentication and admin's guard. */
const GUARDS = new Set(['no_token', 'invalid_token', 'forbidden']);

describe('fuzzing the other endpoints and uploads (in-process)', () => {
  let engine: Engine;
  let picture: string;
  let imageId: string;
  let png: Buffer;
  beforeAll(async () => {
    engine = createEngine({
      paceMs: 0,
      token: TOKEN,
      maxBytes: MAX_BYTES,
      fetchImpl: () => Promise.reject(new Error('no network in tests')),
    });
    png = await sharp({
      create: { width: 48, height: 32, channels: 3, background: '#3a6ea5' },
    })
      .png()
      .toBuffer();
    const res = await engine.handle(
      new Request('http://engine.test/__engine/uploads', {
        method: 'POST',
        headers: {
          'content-type': 'image/png',
          authorization: `Bearer ${TOKEN}`,
          'x-engine-admin': '1',
        },
        body: new Uint8Array(png),
      }),
    );
    picture = ((await res.json()) as Json).url as string;
    const grid = await imagineWait(engine, { prompt: 'a fuzzed bay --seed 3' }, { token: TOKEN });
    imageId = String(grid.image_id);
  });
  afterAll(() => engine.close());

  const far = 'https://img.example/a.png';
  const targets: [string, () => fc.Arbitrary<Case>, Valid][] = [
    ...CHECKED.map(([name, fuzz]): [string, () => fc.Arbitrary<Case>, Valid] => [
      `POST /midjourney/${name}`,
      () =>
        caseOf(
          ['POST'],
          fc.constant(`/midjourney/${name}`),
          fuzz.bases({ picture, imageId, far }),
          fuzz.options,
        ),
      fuzz.valid!,
    ]),
    [
      'POST /__engine/uploads',
      () =>
        caseOf(['POST', 'GET', 'PUT'], fc.constant('/__engine/uploads'), [{ x: 1 }], {
          admin: true,
          rightToken: 8,
          originTenths: 2,
          contentTypes: ['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'image/svg+xml'],
          bodies: fc.oneof(
            fc.constant(new Uint8Array(png)),
            fc.nat(png.length).map((n) => new Uint8Array(png.subarray(0, n))),
            fc.constant('<svg onload="alert(1)"/>'),
          ),
        }),
      uploadReply,
    ],
  ];

  for (const [name, arbitrary, valid] of targets)
    it(`${name}: ${RUNS} random requests, each a contract error or a valid result`, async () => {
      let reached = 0;
      let succeeded = 0;
      await fc.assert(
        fc.asyncProperty(arbitrary(), async (c) => {
          const { status, code } = await check(engine, c, valid);
          if (code === undefined || !GUARDS.has(code)) reached += 1;
          if (status === 200) succeeded += 1;
        }),
        { numRuns: RUNS },
      );
      // Most cases were answered by the route itself, not stopped at the door, and some of
      // them were results its schema took.
      expect(reached).toBeGreaterThan(RUNS / 2);
      expect(succeeded).toBeGreaterThan(0);
      await engine.idle();
      const { bytes, request_bytes } = engine.state();
      expect(bytes + request_bytes).toBeLessThanOrEqual(MAX_BYTES);
      const alive = await callJson(
        engine,
        '/midjourney/shorten',
        { prompt: 'a fuzzed harbour at dusk with boats' },
        { token: TOKEN },
      );
      expect(alive.status).toBe(200);
    }, 120_000);
});
