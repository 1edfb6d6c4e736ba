import { describe, expect, it } from 'vitest';
import { translateResponseSchema } from '../../../src/kinds/translate/translate-contract';
import { engineWorld } from '../fixtures/engine-world';
import { callJson } from '../fixtures/engine-test-kit';

const world = engineWorld();

describe('translate', () => {
  it('translate: glossary words in English, unknown words kept, params untouched', async () => {
    const res = await callJson(world.engine, '/midjourney/translate', { content: '猫 --ar 16:9' });
    const { content } = translateResponseSchema.parse(res.body);
    expect(content).toMatch(/cat/i);
    expect(content).toMatch(/--ar 16:9$/);
    const unknown = await callJson(world.engine, '/midjourney/translate', { content: '龘' });
    expect(unknown.body.content).toContain('龘');
  });
});
