import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../endpoints/create-engine';
import { callJson, type Json } from '../endpoints/fixtures/engine-test-kit';

describe('fetching an image prompt', () => {
  let engine: Engine;
  const fetched = { pulled: 0 };
  beforeAll(() => {
    engine = createEngine({
      paceMs: 0,
      fetchImpl: async () => {
        // Endless bytes and no content-length: only a cap while streaming stops it.
        const chunk = new Uint8Array(1024 * 1024);
        const body = new ReadableStream<Uint8Array>({
          pull(c) {
            fetched.pulled += chunk.length;
            c.enqueue(chunk);
            if (fetched.pulled >= 200 * 1024 * 1024) c.close();
          },
        });
        return new Response(body, { headers: { 'content-type': 'image/png' } });
      },
    });
  });
  afterAll(() => engine.close());

  it('a fetched reference with no length is cut at 20 MB while it streams', async () => {
    const res = await callJson(engine, '/midjourney/imagine', {
      prompt: 'https://img.example/endless.png a calm bay',
    });
    expect(res.body).toMatchObject({ success: false, error: { code: 'bad_request' } });
    expect(String((res.body.error as Json).message)).toMatch(/larger than 20 MB/);
    expect(fetched.pulled).toBeLessThan(30 * 1024 * 1024);
  });
});
