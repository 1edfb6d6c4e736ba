import { describe, expect, it } from 'vitest';
import { seedResponseSchema } from '../../../src/kinds/seed/seed-contract';
import { callJson, getUrl, imagineWait, type Json } from '../fixtures/engine-test-kit';
import { engineWorld } from '../fixtures/engine-world';
import { withSeed } from './seed-of';

const world = engineWorld({}, 'a red fox in the snow --ar 3:2');

describe('seed', () => {
  it('is the seed the grid was drawn with: imagining with --seed N gives the same bytes', async () => {
    const res = await callJson(world.engine, '/midjourney/seed', { image_id: world.grid.image_id });
    expect(res.status).toBe(200);
    const { seed } = seedResponseSchema.parse(res.body);
    expect(seed).toMatch(/^\d+$/);
    const again = await imagineWait(world.engine, {
      prompt: withSeed('a red fox in the snow --ar 3:2', Number(seed)),
    });
    const bytes = async (b: Json) =>
      Buffer.from(await (await getUrl(world.engine, String(b.raw_image_url))).arrayBuffer());
    expect((await bytes(again)).equals(await bytes(world.grid))).toBe(true);
    const other = await imagineWait(world.engine, {
      prompt: withSeed('a red fox in the snow --ar 3:2', Number(seed) + 1),
    });
    expect((await bytes(other)).equals(await bytes(world.grid))).toBe(false);
  });

  it('an upscale reports its grid seed; an unknown id is a 400 saying what to send', async () => {
    const up = await imagineWait(world.engine, {
      action: 'upscale2',
      image_id: world.grid.image_id,
    });
    const a = await callJson(world.engine, '/midjourney/seed', { image_id: world.grid.image_id });
    const b = await callJson(world.engine, '/midjourney/seed', { image_id: up.image_id });
    expect(b.body.seed).toBe(a.body.seed);
    const unknown = await callJson(world.engine, '/midjourney/seed', { image_id: '123' });
    expect(unknown.status).toBe(400);
    expect((unknown.body.error as Json).message).toMatch(/not known.*image_id of a finished/);
  });
});
