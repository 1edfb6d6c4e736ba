import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRID_ACTIONS, UPSCALED_ACTIONS } from '../../../src/api/contract';
import { createEngine, type Engine } from '../create-engine';
import {
  NDJSON,
  call,
  callJson,
  imagineWait,
  meanDifference,
  ndjsonLines,
  servedImage,
  type Json,
} from '../fixtures/engine-test-kit';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("the provider guide's own requests", () => {
  let engine: Engine;
  let grid: Json;
  let variation: Json;
  let upscale: Json;

  beforeAll(async () => {
    engine = createEngine({ paceMs: 0 });
    grid = await imagineWait(engine, {
      prompt: 'Lamborghini speeds inside a volcano',
      trace_id: 'trace-guide-1',
    });
  });
  afterAll(() => engine.close());

  it('generate answers the documented shape and sizes', async () => {
    expect(grid).toMatchObject({
      success: true,
      progress: 100,
      actions: [...GRID_ACTIONS],
      image_width: 1024,
      image_height: 1024,
      raw_image_width: 2048,
      raw_image_height: 2048,
      trace_id: 'trace-guide-1',
    });
    expect(grid.image_id).toMatch(/^\d{19}$/);
    expect(grid.task_id).toMatch(UUID_V4);
    const raw = String(grid.raw_image_url);
    const thumb = String(grid.image_url);
    expect(raw).toMatch(
      /^http:\/\/engine\.test\/attachments\/[0-9a-f-]{36}\/\d{19}\/Lamborghini_speeds_inside_a_volcano\.png\?ex=[0-9a-f]+&is=[0-9a-f]+&hm=[0-9a-f]{64}&$/,
    );
    expect(thumb).toBe(`${raw}width=1024&height=1024`);
    const served = await servedImage(engine, raw);
    expect([served.width, served.height, served.format]).toEqual([2048, 2048, 'png']);
    const small = await servedImage(engine, thumb);
    expect([small.width, small.height]).toEqual([1024, 1024]);
  });

  it('variation2 answers a new grid drawn from quadrant 2', async () => {
    variation = await imagineWait(engine, { action: 'variation2', image_id: grid.image_id });
    expect(variation).toMatchObject({ success: true, actions: [...GRID_ACTIONS], progress: 100 });
    expect(variation.image_id).not.toBe(grid.image_id);
    expect(variation.task_id).not.toBe(grid.task_id);
    const served = await servedImage(engine, String(variation.raw_image_url));
    expect([served.width, served.height]).toEqual([
      variation.raw_image_width,
      variation.raw_image_height,
    ]);
  });

  it('upscale4 answers quadrant 4 of the grid at 1024² (thumbnail 512²)', async () => {
    upscale = await imagineWait(engine, { action: 'upscale4', image_id: variation.image_id });
    expect(upscale).toMatchObject({
      success: true,
      actions: [...UPSCALED_ACTIONS],
      image_width: 512,
      image_height: 512,
      raw_image_width: 1024,
      raw_image_height: 1024,
    });
    const up = await servedImage(engine, String(upscale.raw_image_url));
    expect([up.width, up.height]).toEqual([1024, 1024]);
    const thumb = await servedImage(engine, String(upscale.image_url));
    expect([thumb.width, thumb.height]).toEqual([512, 512]);
    const source = await servedImage(engine, String(variation.raw_image_url));
    const w = source.width / 2;
    const h = source.height / 2;
    const q4 = await sharp(source.bytes)
      .extract({ left: w, top: h, width: w, height: h })
      .png()
      .toBuffer();
    expect(await meanDifference(up.bytes, q4)).toBe(0);
  });

  it('variation_region with a 410×410 base64 JPEG mask and "A cute cat" redraws under white only', async () => {
    // As the guide's tool makes it: a 410×410 canvas, white strokes where to repaint, JPEG.
    const circle = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="410" height="410"><rect width="410" height="410" fill="black"/><circle cx="205" cy="205" r="80" fill="white"/></svg>',
    );
    const jpeg = await sharp(circle).jpeg().toBuffer();
    const mask = jpeg.toString('base64');
    expect(mask.startsWith('/9j/')).toBe(true);
    const res = await callJson(engine, '/midjourney/imagine', {
      prompt: 'A cute cat ',
      action: 'variation_region',
      image_id: upscale.image_id,
      mask,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, actions: [...GRID_ACTIONS] });

    const task = await callJson(engine, '/midjourney/tasks', {
      action: 'retrieve',
      id: res.body.task_id,
    });
    const received = Buffer.from(String((task.body.request as Json).mask), 'base64');
    const meta = await sharp(received).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 410, 410]);

    const result = await servedImage(engine, String(res.body.raw_image_url));
    const source = await servedImage(engine, String(upscale.raw_image_url));
    const q1 = await sharp(result.bytes)
      .extract({ left: 0, top: 0, width: result.width / 2, height: result.height / 2 })
      .png()
      .toBuffer();
    const crop = (b: Buffer, left: number, top: number): Promise<Buffer> =>
      sharp(b).extract({ left, top, width: 150, height: 150 }).png().toBuffer();
    // Corner (black in the mask): untouched. Centre (white): redrawn.
    expect(await meanDifference(await crop(q1, 0, 0), await crop(source.bytes, 0, 0))).toBe(0);
    expect(
      await meanDifference(await crop(q1, 437, 437), await crop(source.bytes, 437, 437)),
    ).toBeGreaterThan(2);
  });
});

describe('determinism', () => {
  it('the same prompt and seed draw the same bytes in two engines; another seed does not', async () => {
    const a = createEngine({ paceMs: 0 });
    const b = createEngine({ paceMs: 0 });
    try {
      const prompt = 'a lighthouse on a cliff --seed 42 --ar 3:2';
      const [ra, rb, rc] = await Promise.all([
        imagineWait(a, { prompt }),
        imagineWait(b, { prompt }),
        imagineWait(b, { prompt: 'a lighthouse on a cliff --seed 43 --ar 3:2' }),
      ]);
      const [ia, ib, ic] = await Promise.all([
        servedImage(a, String(ra.raw_image_url)),
        servedImage(b, String(rb.raw_image_url)),
        servedImage(b, String(rc.raw_image_url)),
      ]);
      expect(ia.bytes.equals(ib.bytes)).toBe(true);
      expect(ia.bytes.equals(ic.bytes)).toBe(false);
    } finally {
      a.close();
      b.close();
    }
  });
});

describe('fifty concurrent streams', () => {
  it('all run to progress 100 with unique ids, one render per distinct prompt', async () => {
    const engine = createEngine({ paceMs: 5 });
    try {
      // Five distinct prompts (renders are cached per prompt; the jobs, tasks and files are not).
      const responses = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          call(
            engine,
            '/midjourney/imagine',
            { prompt: `crowd test ${i % 5}` },
            { accept: NDJSON },
          ),
        ),
      );
      expect(engine.state().active_jobs).toBe(50);
      const streams = await Promise.all(responses.map((r) => ndjsonLines(r)));
      const taskIds = new Set<unknown>();
      const imageIds = new Set<unknown>();
      for (const lines of streams) {
        expect(lines).toHaveLength(7);
        const progress = lines.map((l) => l.progress);
        expect(progress).toEqual([10, 25, 40, 55, 70, 85, 100]);
        expect(new Set(lines.map((l) => l.task_id)).size).toBe(1);
        for (const l of lines) imageIds.add(l.image_id);
        taskIds.add(lines[0]!.task_id);
        expect(lines.at(-1)!.actions).toEqual([...GRID_ACTIONS]);
      }
      expect(taskIds.size).toBe(50);
      expect(imageIds.size).toBe(50 * 7);
      await engine.idle();
      const state = engine.state();
      expect(state).toMatchObject({
        tasks: 50,
        images: 50,
        files: 50,
        active_jobs: 0,
        open_streams: 0,
      });
      const finals = streams.map((lines) => String(lines.at(-1)!.raw_image_url));
      const heads = await Promise.all(
        finals.map((u) => engine.handle(new Request(u, { method: 'HEAD' }))),
      );
      expect(heads.map((h) => h.status)).toEqual(Array(50).fill(200));
    } finally {
      engine.close();
    }
  });
});
