import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRID_ACTIONS } from '../../../src/api/contract';
import { endpointTaskSchema } from '../../../src/api/contract-tasks';
import { editsResponseSchema } from '../../../src/kinds/edits/edits-contract';
import { createEngine, type Engine } from '../create-engine';
import {
  NDJSON,
  callJson,
  call,
  imagineWait,
  ndjsonLines,
  servedImage,
  startCallbackServer,
  type Json,
} from '../fixtures/engine-test-kit';

let engine: Engine;
let upscale: Json;
let source: { width: number; height: number; bytes: Buffer };

beforeAll(async () => {
  engine = createEngine({ paceMs: 0 });
  const grid = await imagineWait(engine, { prompt: 'a lighthouse on a cliff --seed 9' });
  upscale = await imagineWait(engine, { action: 'upscale1', image_id: grid.image_id });
  source = await servedImage(engine, String(upscale.raw_image_url));
});
afterAll(() => engine.close());

/** Left half white (edit), right half black (keep), at the source's size. */
async function leftHalfMask(): Promise<string> {
  const { width, height } = source;
  const white = await sharp({
    create: { width: Math.floor(width / 2), height, channels: 3, background: '#fff' },
  })
    .png()
    .toBuffer();
  const png = await sharp({ create: { width, height, channels: 3, background: '#000' } })
    .composite([{ input: white, left: 0, top: 0 }])
    .png()
    .toBuffer();
  return png.toString('base64');
}

async function rawRegion(bytes: Buffer, left: number, top: number, width: number, height: number) {
  return sharp(bytes).extract({ left, top, width, height }).removeAlpha().raw().toBuffer();
}

describe('edits', () => {
  it('redraws only under the white of the mask; answers a grid whose U/V actions work', async () => {
    const res = await callJson(engine, '/midjourney/edits', {
      image_url: upscale.raw_image_url,
      prompt: 'a lighthouse at night',
      mask: await leftHalfMask(),
    });
    expect(res.status).toBe(200);
    const body = editsResponseSchema.parse(res.body);
    expect(body.actions).toEqual([...GRID_ACTIONS]);
    const grid = await servedImage(engine, String(body.raw_image_url));
    expect([grid.width, grid.height]).toEqual([source.width * 2, source.height * 2]);
    const w = source.width;
    const h = source.height;
    // Quadrant 1, right (black) part: the source's own pixels; left part: changed.
    const keptCols = Math.floor(w / 2) - Math.ceil(w / 20);
    const keep = await rawRegion(grid.bytes, w - keptCols, 0, keptCols, h);
    expect(keep.equals(await rawRegion(source.bytes, w - keptCols, 0, keptCols, h))).toBe(true);
    const edited = await rawRegion(grid.bytes, 0, 0, Math.floor(w / 4), h);
    expect(edited.equals(await rawRegion(source.bytes, 0, 0, Math.floor(w / 4), h))).toBe(false);

    const u1 = await imagineWait(engine, { action: 'upscale1', image_id: body.image_id });
    const single = await servedImage(engine, String(u1.raw_image_url));
    expect([single.width, single.height]).toEqual([w, h]);
    const v2 = await imagineWait(engine, { action: 'variation2', image_id: body.image_id });
    expect(v2.actions).toEqual([...GRID_ACTIONS]);
    // seed answers for the edit grid too
    const seed = await callJson(engine, '/midjourney/seed', { image_id: body.image_id });
    expect(seed.body.seed).toMatch(/^\d+$/);
  });

  it('without a mask the whole image is redrawn', async () => {
    const res = await callJson(engine, '/midjourney/edits', {
      image_url: upscale.raw_image_url,
      prompt: 'a lighthouse in fog',
    });
    const grid = await servedImage(engine, String(res.body.raw_image_url));
    const w = source.width;
    const h = source.height;
    const right = await rawRegion(grid.bytes, Math.floor(w / 2), 0, Math.floor(w / 2), h);
    expect(
      right.equals(await rawRegion(source.bytes, Math.floor(w / 2), 0, Math.floor(w / 2), h)),
    ).toBe(false);
  });

  it('async: the task id at once; an `edits` task whose response is the grid', async () => {
    const res = await callJson(engine, '/midjourney/edits', {
      image_url: upscale.raw_image_url,
      prompt: 'a lighthouse',
      async: true,
      callback_url: null,
    });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['success', 'task_id', 'trace_id']);
    await engine.idle();
    const task = await callJson(engine, '/midjourney/tasks', { id: res.body.task_id });
    const record = endpointTaskSchema.parse(task.body);
    expect(record.type).toBe('edits');
    expect(record.request).toMatchObject({ prompt: 'a lighthouse', async: true });
    expect(editsResponseSchema.parse(record.response).progress).toBe(100);
  });

  it('callback_url gets the final body; NDJSON gets progress lines', async () => {
    const hook = await startCallbackServer();
    try {
      const res = await callJson(engine, '/midjourney/edits', {
        image_url: upscale.raw_image_url,
        prompt: 'a lighthouse',
        callback_url: `${hook.url}/done`,
      });
      const [post] = await hook.waitFor(1);
      expect(post!.body).toMatchObject({ success: true, task_id: res.body.task_id, progress: 100 });
    } finally {
      await hook.close();
    }
    const streamed = await call(
      engine,
      '/midjourney/edits',
      { image_url: upscale.raw_image_url, prompt: 'a lighthouse' },
      { accept: NDJSON },
    );
    const lines = await ndjsonLines(streamed);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.at(-1)).toMatchObject({ progress: 100, success: true });
  });

  it('errors say what to change', async () => {
    const cases: [Json, RegExp][] = [
      [{ prompt: 'x' }, /image_url is required/],
      [{ image_url: upscale.raw_image_url }, /prompt is required/],
      [
        { image_url: upscale.raw_image_url, prompt: 'x', action: 'vary' },
        /action must be generate/,
      ],
      [{ image_url: upscale.raw_image_url, prompt: 'x', mode: 'slow' }, /mode/],
      [{ image_url: upscale.raw_image_url, prompt: 'x', callback_url: 'ftp://x' }, /callback_url/],
    ];
    for (const [body, message] of cases) {
      const res = await callJson(engine, '/midjourney/edits', body);
      expect(res.status).toBe(400);
      expect((res.body.error as Json).message).toMatch(message);
    }
    const badMask = await callJson(engine, '/midjourney/edits', {
      image_url: upscale.raw_image_url,
      prompt: 'x',
      mask: 'bm90IGFuIGltYWdl',
    });
    expect((badMask.body.error as Json).message).toMatch(
      /mask must be a base64-encoded JPEG or PNG/,
    );
    const expired = await callJson(engine, '/midjourney/edits', {
      image_url: String(upscale.raw_image_url).replace(/ex=[0-9a-f]+/, 'ex=1'),
      prompt: 'x',
    });
    expect((expired.body.error as Json).message).toMatch(/Cannot fetch image URL.*404/);
  });
});
