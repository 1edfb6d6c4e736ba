import { describe, expect, it } from 'vitest';
import { shortenResponseSchema } from '../../../src/kinds/shorten/shorten-contract';
import { engineWorld } from '../fixtures/engine-world';
import { callJson, type Json } from '../fixtures/engine-test-kit';

const world = engineWorld();

describe('shorten', () => {
  it('shorten: at most five shorter prompts that keep the params', async () => {
    const prompt =
      'a serene mountain lake at sunrise, mist rising from the water, towering pine trees on the shore, golden hour lighting, ultra detailed, cinematic --ar 16:9 --v 6';
    const res = await callJson(world.engine, '/midjourney/shorten', { prompt });
    const { prompts } = shortenResponseSchema.parse(res.body);
    expect(prompts.length).toBeGreaterThan(0);
    expect(prompts.length).toBeLessThanOrEqual(5);
    for (const p of prompts) {
      expect(p.length).toBeLessThan(prompt.length);
      expect(p).toContain('--ar 16:9');
    }
    const long = await callJson(world.engine, '/midjourney/shorten', { prompt: 'a '.repeat(3001) });
    expect((long.body.error as Json).message).toMatch(/limit is 6000/);
  });
});
