import { describe, expect, it } from 'vitest';
import { engineWorld } from '../endpoints/fixtures/engine-world';
import { imagineWait } from '../endpoints/fixtures/engine-test-kit';

describe('the memory bound', () => {
  const world = engineWorld();

  it('a stored request (its mask) counts in the memory bound', async () => {
    const grid = await imagineWait(world.engine, { prompt: 'a quiet field --seed 4' });
    const before = world.engine.state().request_bytes;
    const mask = Buffer.alloc(300_000, 7).toString('base64');
    // A mask that is no image is refused before a task exists: send a real one, padded in a field.
    await imagineWait(world.engine, { action: 'upscale1', image_id: grid.image_id, note: mask });
    expect(world.engine.state().request_bytes - before).toBeGreaterThan(mask.length);
  });
});
