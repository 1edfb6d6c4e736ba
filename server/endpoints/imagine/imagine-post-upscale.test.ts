import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UPSCALED_ACTIONS } from '../../../src/api/contract';
import { imagineResponseSchema } from '../../../src/api/contract';
import { createEngine, type Engine } from '../create-engine';
import {
  callJson,
  imagineWait,
  meanDifference,
  servedImage,
  type Json,
} from '../fixtures/engine-test-kit';

let engine: Engine;
let v6: Json;
let v5: Json;

beforeAll(async () => {
  engine = createEngine({ paceMs: 0 });
  const [g6, g5] = await Promise.all([
    imagineWait(engine, { prompt: 'a glass tower --ar 3:2 --v 6 --seed 4' }),
    imagineWait(engine, { prompt: 'a glass tower --ar 3:2 --seed 4' }),
  ]);
  v6 = await imagineWait(engine, { action: 'upscale1', image_id: g6.image_id });
  v5 = await imagineWait(engine, { action: 'upscale1', image_id: g5.image_id });
});
afterAll(() => engine.close());

const act = (action: string, from: Json) =>
  imagineWait(engine, { action, image_id: from.image_id });
const size = async (b: Json) => {
  const s = await servedImage(engine, String(b.raw_image_url));
  return [s.width, s.height];
};

describe('post-upscale actions by model', () => {
  it('--v 6 offers subtle/creative and Make Square on a non-square image; no 2x/4x', () => {
    expect(imagineResponseSchema.parse(v6).actions).toEqual([
      'upscale_subtle',
      'upscale_creative',
      'square',
      ...UPSCALED_ACTIONS.slice(2),
    ]);
  });

  it('upscale_subtle doubles the picture; its redo redoes it from the pre-upscale image', async () => {
    const [w, h] = await size(v6);
    const subtle = await act('upscale_subtle', v6);
    expect(await size(subtle)).toEqual([w! * 2, h! * 2]);
    expect(subtle.actions).toEqual([
      'redo_upscale_subtle',
      'upscale_creative',
      'square',
      ...UPSCALED_ACTIONS.slice(2),
    ]);
    const redo = await act('redo_upscale_subtle', subtle);
    // Not an upscale of the upscale (that would be 4×): the same size again.
    expect(await size(redo)).toEqual([w! * 2, h! * 2]);
    expect((redo.actions as string[])[0]).toBe('redo_upscale_subtle');
    const creative = await act('upscale_creative', v6);
    expect(await size(creative)).toEqual([w! * 2, h! * 2]);
    const a = await servedImage(engine, String(subtle.raw_image_url));
    const b = await servedImage(engine, String(creative.raw_image_url));
    expect(await meanDifference(a.bytes, b.bytes)).toBeGreaterThan(0.5);
    expect((creative.actions as string[]).slice(0, 2)).toEqual([
      'upscale_subtle',
      'redo_upscale_creative',
    ]);
  });

  it('square extends the image to 1:1 and then no longer offers itself', async () => {
    const [w, h] = await size(v6);
    const sq = await act('square', v6);
    expect(await size(sq)).toEqual([Math.max(w!, h!), Math.max(w!, h!)]);
    expect(sq.actions).not.toContain('square');
    expect(sq.actions).toContain('upscale_subtle');
  });

  it('older models keep 2x/4x; after upscale_2x comes redo_upscale_2x, redone byte for byte', async () => {
    expect(v5.actions).toEqual([...UPSCALED_ACTIONS]);
    const [w, h] = await size(v5);
    const twice = await act('upscale_2x', v5);
    expect(twice.actions).toEqual(['redo_upscale_2x', ...UPSCALED_ACTIONS.slice(1)]);
    const redo = await act('redo_upscale_2x', twice);
    expect(await size(redo)).toEqual([w! * 2, h! * 2]);
    const x = await servedImage(engine, String(twice.raw_image_url));
    const y = await servedImage(engine, String(redo.raw_image_url));
    expect(x.bytes.equals(y.bytes)).toBe(true);
  });

  it('an action the image does not offer is refused with the list it does offer', async () => {
    for (const [action, from] of [
      ['upscale_subtle', v5],
      ['redo_upscale_2x', v5],
      ['square', v5],
      ['upscale_2x', v6],
    ] as const) {
      const res = await callJson(engine, '/midjourney/imagine', {
        action,
        image_id: from.image_id,
      });
      expect(res.status).toBe(400);
      expect((res.body.error as Json).message).toMatch(/is not available for image .*available:/);
    }
  });

  it('the seed endpoint answers for post-upscale results', async () => {
    const sq = await act('square', v6);
    const res = await callJson(engine, '/midjourney/seed', { image_id: sq.image_id });
    const grid = await callJson(engine, '/midjourney/seed', { image_id: v6.image_id });
    expect(res.body.seed).toBe(grid.body.seed);
  });
});
