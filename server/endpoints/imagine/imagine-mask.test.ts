import { describe, expect, it } from 'vitest';
import { claimedPng } from '../../engine/fixtures/claimed-png';
import { engineWorld } from '../fixtures/engine-world';
import { callJson, imagineWait, type Json } from '../fixtures/engine-test-kit';

describe("variation_region's mask", () => {
  const world = engineWorld();

  it('a mask larger than its image is a bad_request that says so, before it is decoded', async () => {
    const grid = await imagineWait(world.engine, { prompt: 'a calm bay --seed 3' });
    const up = await imagineWait(world.engine, { action: 'upscale1', image_id: grid.image_id });
    const res = await callJson(world.engine, '/midjourney/imagine', {
      action: 'variation_region',
      image_id: up.image_id,
      mask: claimedPng(16_000, 16_000).toString('base64'),
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'bad_request' } });
    expect(String((res.body.error as Json).message)).toMatch(/16000×16000.*larger than image/);
  });
});
