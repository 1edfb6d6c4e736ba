import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../endpoints/create-engine';
import { callJson, type Json } from '../endpoints/fixtures/engine-test-kit';
import { claimedPng } from './fixtures/claimed-png';

describe('reading an image prompt', () => {
  let engine: Engine;
  beforeAll(() => {
    engine = createEngine({
      paceMs: 0,
      fetchImpl: async () =>
        new Response(new Uint8Array(claimedPng(16_000, 16_000)), {
          headers: { 'content-type': 'image/png' },
        }),
    });
  });
  afterAll(() => engine.close());

  it('an image prompt over the pixel limit fails the task with a clear message', async () => {
    const res = await callJson(engine, '/midjourney/imagine', {
      prompt: 'https://img.example/huge.png a calm bay',
    });
    expect(res.body).toMatchObject({ success: false, error: { code: 'bad_request' } });
    expect(String((res.body.error as Json).message)).toMatch(/16000×16000 pixels.*at most/);
  });
});
