/**
 * Fuzzing the provider's other endpoints and the engine's upload route, 1,000 cases each: every
 * answer is an error in the contract's shape or a success its schema takes, and most cases get
 * past authentication to the route's own handler. Fetched images come from the engine's own
 * links (a small uploaded picture, read from its store) or fail to fetch: no network, and no
 * case draws a big picture or encodes a clip, so the run stays short.
 */
import fc from 'fast-check';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { asyncAcceptedSchema } from '../src/api/contract';
import {
  describeResponseSchema,
  editsResponseSchema,
  seedResponseSchema,
  shortenResponseSchema,
  translateResponseSchema,
} from '../src/api/contract-endpoints';
import { videosResponseSchema } from '../src/api/contract-videos';
import { createEngine, type Engine } from './engine';
import { RUNS, TOKEN, caseOf, check, type Case, type Valid } from './engine-fuzz-kit';
import { callJson, imagineWait, type Json } from './engine-test-kit';

const MAX_BYTES = 64 * 1024 * 1024;

/** Either of two schemas: a waiting reply's result, or an async reply's task id. */
const either = (a: Valid, b: Valid): Valid => ({
  safeParse: (v) => ({ success: a.safeParse(v).success || b.safeParse(v).success }),
});
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
    [
      'POST /midjourney/describe',
      () =>
        caseOf(
          ['POST'],
          fc.constant('/midjourney/describe'),
          [{ image_url: picture }, { image_url: far }],
          { rightToken: 8 },
        ),
      describeResponseSchema,
    ],
    [
      'POST /midjourney/edits',
      () =>
        caseOf(
          ['POST'],
          fc.constant('/midjourney/edits'),
          [
            { image_url: picture, prompt: 'a fuzzed sea' },
            { image_url: picture, prompt: 'a fuzzed sea', async: true },
            { image_url: far, prompt: 'a fuzzed sea', mask: 'iVBORw0KGgo=' },
            { image_url: far, prompt: 'a fuzzed sea', callback_url: 'https://cb.example/x' },
          ],
          { rightToken: 8 },
        ),
      either(editsResponseSchema, asyncAcceptedSchema),
    ],
    [
      'POST /midjourney/videos',
      () =>
        caseOf(
          ['POST'],
          fc.constant('/midjourney/videos'),
          [
            { image_url: far, prompt: 'waves' },
            { image_url: far, async: true, resolution: '480p' },
            { action: 'extend', video_id: '1751816808164156', video_index: 2 },
            { image_url: far, end_image_url: far, mode: 'fast', loop: true },
          ],
          { rightToken: 8 },
        ),
      either(videosResponseSchema, asyncAcceptedSchema),
    ],
    [
      'POST /midjourney/seed',
      () =>
        caseOf(
          ['POST'],
          fc.constant('/midjourney/seed'),
          [{ image_id: imageId }, { image_id: '1' }],
          { rightToken: 8 },
        ),
      seedResponseSchema,
    ],
    [
      'POST /midjourney/shorten',
      () =>
        caseOf(
          ['POST'],
          fc.constant('/midjourney/shorten'),
          [{ prompt: 'a very long fuzzed prompt about a quiet harbour at dawn, fog --ar 16:9' }],
          { rightToken: 8 },
        ),
      shortenResponseSchema,
    ],
    [
      'POST /midjourney/translate',
      () =>
        caseOf(
          ['POST'],
          fc.constant('/midjourney/translate'),
          [{ content: '一只猫 在雨中 --ar 3:2' }],
          { rightToken: 8 },
        ),
      translateResponseSchema,
    ],
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
