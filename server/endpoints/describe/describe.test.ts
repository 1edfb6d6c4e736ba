import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { endpointTaskSchema } from '../../../src/api/contract-tasks';
import { describeResponseSchema } from '../../../src/kinds/describe/describe-contract';
import { createEngine } from '../create-engine';
import { callJson, getUrl, type Json } from '../fixtures/engine-test-kit';
import { engineWorld } from '../fixtures/engine-world';

const world = engineWorld({}, 'a red fox in the snow --ar 3:2');

describe('describe', () => {
  it('four different prompts from the image, each ending in its real --ar, as a task', async () => {
    const res = await callJson(world.engine, '/midjourney/describe', {
      image_url: world.grid.raw_image_url,
    });
    expect(res.status).toBe(200);
    const body = describeResponseSchema.parse(res.body);
    expect(body.descriptions).toHaveLength(4);
    expect(new Set(body.descriptions).size).toBe(4);
    const { width, height } = await sharp(
      Buffer.from(
        await (await getUrl(world.engine, String(world.grid.raw_image_url))).arrayBuffer(),
      ),
    ).metadata();
    expect(width! / height!).toBeCloseTo(3 / 2, 1);
    for (const d of body.descriptions) expect(d).toMatch(/ --ar 3:2$/);
    expect(body.descriptions.join(' ')).toMatch(/white|gray|red|orange|blue|green/);

    const record = endpointTaskSchema.parse(await world.task(body.task_id));
    expect(record.type).toBe('describe');
    expect(record.request).toEqual({ image_url: world.grid.raw_image_url });
    expect(describeResponseSchema.parse(record.response).descriptions).toEqual(body.descriptions);
    const batch = await callJson(world.engine, '/midjourney/tasks', {
      action: 'retrieve_batch',
      ids: [body.task_id],
    });
    expect((batch.body.items as Json[])[0]!.type).toBe('describe');
  });

  it('a different image gets different words', async () => {
    const png = await sharp({
      create: { width: 200, height: 100, channels: 3, background: '#1030e0' },
    })
      .png()
      .toBuffer();
    const url = `data-free.test/${png.length}`;
    const engine2 = createEngine({
      paceMs: 0,
      fetchImpl: async () => new Response(png, { headers: { 'content-type': 'image/png' } }),
    });
    const res = await callJson(engine2, '/midjourney/describe', { image_url: `https://${url}` });
    const body = describeResponseSchema.parse(res.body);
    for (const d of body.descriptions) expect(d).toMatch(/ --ar 2:1$/);
    expect(body.descriptions.join(' ')).toMatch(/blue/);
    await engine2.close();
  });

  it('a dead or expired link fails with a message and a failed describe task', async () => {
    const dead = String(world.grid.raw_image_url).replace(/hm=[0-9a-f]+/, 'hm=00');
    const res = await callJson(world.engine, '/midjourney/describe', { image_url: dead });
    expect(res.status).toBe(400);
    expect((res.body.error as Json).message).toMatch(/Cannot fetch image URL .*HTTP 404/);
    const record = await world.task(res.body.task_id);
    expect(record.type).toBe('describe');
    expect((record.response as Json).success).toBe(false);
    const notUrl = await callJson(world.engine, '/midjourney/describe', { image_url: 'cat.png' });
    expect((notUrl.body.error as Json).message).toMatch(/http\(s\) URL/);
  });
});
