import { describe, expect, it } from 'vitest';
import { GRID_ACTIONS, UPSCALED_ACTIONS } from '../../../src/api/contract';
import { planAction, planGenerate, type Drawing, type Plan } from '../../engine/pictures/actions';
import { createLimiter } from '../../engine/limiter';
import type { ImageRecord } from '../../engine/task-store';
import { TaskStore } from '../../engine/task-store';
import { seedOf, storedSeed, withSeed, type SeedSource } from './seed-of';

const deps = {
  store: new TaskStore(),
  limit: createLimiter(1),
  fetchImage: (): Promise<Buffer> => Promise.reject(new Error('no network in this test')),
};

async function prepared(plan: Plan): Promise<Drawing> {
  if (!plan.ok) throw new Error(plan.message);
  return plan.work.prepare();
}

const PROMPT = 'a lighthouse on a cliff at dusk, stormy sea --ar 3:2 --c 10';

describe('seed', () => {
  it('is the seed the grid was drawn with: imagining with --seed N redraws it byte for byte', async () => {
    const first = await prepared(planGenerate(PROMPT, deps));
    const grid = await first.draw();
    const answer = seedOf({ prompt: PROMPT }, () => undefined);
    expect(answer).toEqual({ ok: true, seed: first.seed });
    if (!answer.ok) return;

    const again = await prepared(planGenerate(withSeed(PROMPT, answer.seed), deps));
    const redrawn = await again.draw();
    expect(redrawn.png.equals(grid.png)).toBe(true);
    // And the seed really matters: another one draws other pixels.
    const other = await prepared(planGenerate(withSeed(PROMPT, answer.seed + 1), deps));
    expect((await other.draw()).png.equals(grid.png)).toBe(false);
  }, 60_000);

  it('follows actions: a reroll reports the seed imagine reproduces; upscales report their grid’s', async () => {
    const first = await prepared(planGenerate(PROMPT, deps));
    const grid = await first.draw();
    const record: ImageRecord = {
      imageId: '100',
      taskId: 't1',
      seed: first.seed,
      kind: 'grid',
      actions: GRID_ACTIONS,
      picture: grid,
      text: 'a lighthouse on a cliff at dusk, stormy sea',
      ...(first.redo ? { redo: first.redo } : {}),
    };
    const tasks: Record<string, SeedSource> = { '100': { request: { prompt: PROMPT } } };
    const find = (id: string): SeedSource | undefined => tasks[id];

    const reroll = await prepared(planAction('reroll', record, undefined, undefined));
    const rerollAnswer = seedOf({ action: 'reroll', image_id: '100' }, find);
    expect(rerollAnswer).toEqual({ ok: true, seed: reroll.seed });
    if (!rerollAnswer.ok) return;
    const rerolled = await reroll.draw();
    const imagined = await prepared(planGenerate(withSeed(PROMPT, rerollAnswer.seed), deps));
    expect((await imagined.draw()).png.equals(rerolled.png)).toBe(true);

    // U2 reports the grid's seed, while the engine's record keeps its derived one.
    const u2 = await prepared(planAction('upscale2', record, undefined, undefined));
    expect(seedOf({ action: 'upscale2', image_id: '100' }, find)).toEqual({
      ok: true,
      seed: first.seed,
    });
    expect(storedSeed({ action: 'upscale2', image_id: '100' }, find)).toEqual({
      ok: true,
      seed: u2.seed,
    });

    // A variation of the upscale: the seed the engine planned it with.
    tasks['200'] = { request: { action: 'upscale2', image_id: '100' } };
    const single: ImageRecord = {
      ...record,
      imageId: '200',
      seed: u2.seed,
      kind: 'single',
      actions: UPSCALED_ACTIONS,
      picture: await u2.draw(),
    };
    delete single.redo;
    const vary = await prepared(planAction('variation_subtle', single, undefined, undefined));
    expect(seedOf({ action: 'variation_subtle', image_id: '200' }, find)).toEqual({
      ok: true,
      seed: vary.seed,
    });
  }, 60_000);

  it('says what is wrong when there is no seed to give', () => {
    expect(seedOf({ action: 'upscale1', image_id: '9' }, () => undefined)).toEqual({
      ok: false,
      message: 'Image 9 is not known to the engine',
    });
    expect(seedOf({ prompt: 'a cat --bogus' }, () => undefined).ok).toBe(false);
  });

  it('withSeed replaces a seed already in the prompt', () => {
    expect(withSeed('a cat --seed 12 --ar 1:1', 7)).toBe('a cat --ar 1:1 --seed 7');
  });
});
