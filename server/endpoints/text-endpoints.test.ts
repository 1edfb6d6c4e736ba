import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpointTaskSchema } from '../../src/api/contract-tasks';
import { describeResponseSchema } from '../../src/kinds/describe/describe-contract';
import { seedResponseSchema } from '../../src/kinds/seed/seed-contract';
import { shortenResponseSchema } from '../../src/kinds/shorten/shorten-contract';
import { translateResponseSchema } from '../../src/kinds/translate/translate-contract';
import { createEngine, type Engine } from './create-engine';
import { call, callJson, getUrl, imagineWait, type Json } from './fixtures/engine-test-kit';
import { withSeed } from './seed/seed-of';

let engine: Engine;
let grid: Json;

beforeAll(async () => {
  engine = createEngine({ paceMs: 0, token: 'test-token' });
  grid = await imagineWait(engine, { prompt: 'a red fox in the snow --ar 3:2' });
});
afterAll(() => engine.close());

const task = async (id: unknown): Promise<Json> =>
  (await callJson(engine, '/midjourney/tasks', { action: 'retrieve', id })).body;

describe('every sibling endpoint', () => {
  it.each(['describe', 'seed', 'translate', 'shorten'])(
    '%s: no token → 400 no_token, a wrong one → 401 invalid_token',
    async (api) => {
      const none = await callJson(engine, `/midjourney/${api}`, {}, { token: null });
      expect([none.status, (none.body.error as Json).code]).toEqual([400, 'no_token']);
      const wrong = await callJson(engine, `/midjourney/${api}`, {}, { token: 'nope' });
      expect([wrong.status, (wrong.body.error as Json).code]).toEqual([401, 'invalid_token']);
    },
  );

  it.each([
    ['describe', 'image_url'],
    ['seed', 'image_id'],
    ['translate', 'content'],
    ['shorten', 'prompt'],
  ])('%s without %s → 400 bad_request naming the field', async (api, field) => {
    const res = await callJson(engine, `/midjourney/${api}`, { [field]: null });
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({ code: 'bad_request', message: `${field} is required` });
    const bad = await call(engine, `/midjourney/${api}`, undefined, { raw: '{nope' });
    expect(bad.status).toBe(400);
  });

  it('an injected HTTP error answers instead (no stream, so only errors apply)', async () => {
    await callJson(engine, '/__engine/faults', { status: 429, count: 1 }, { token: 'test-token' });
    const res = await callJson(engine, '/midjourney/translate', { content: '猫' });
    expect([res.status, (res.body.error as Json).code]).toEqual([429, 'too_many_requests']);
    const after = await callJson(engine, '/midjourney/translate', { content: '猫' });
    expect(after.status).toBe(200);
  });
});

describe('describe', () => {
  it('four different prompts from the image, each ending in its real --ar, as a task', async () => {
    const res = await callJson(engine, '/midjourney/describe', {
      image_url: grid.raw_image_url,
    });
    expect(res.status).toBe(200);
    const body = describeResponseSchema.parse(res.body);
    expect(body.descriptions).toHaveLength(4);
    expect(new Set(body.descriptions).size).toBe(4);
    const { width, height } = await sharp(
      Buffer.from(await (await getUrl(engine, String(grid.raw_image_url))).arrayBuffer()),
    ).metadata();
    expect(width! / height!).toBeCloseTo(3 / 2, 1);
    for (const d of body.descriptions) expect(d).toMatch(/ --ar 3:2$/);
    expect(body.descriptions.join(' ')).toMatch(/white|gray|red|orange|blue|green/);

    const record = endpointTaskSchema.parse(await task(body.task_id));
    expect(record.type).toBe('describe');
    expect(record.request).toEqual({ image_url: grid.raw_image_url });
    expect(describeResponseSchema.parse(record.response).descriptions).toEqual(body.descriptions);
    const batch = await callJson(engine, '/midjourney/tasks', {
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
    const dead = String(grid.raw_image_url).replace(/hm=[0-9a-f]+/, 'hm=00');
    const res = await callJson(engine, '/midjourney/describe', { image_url: dead });
    expect(res.status).toBe(400);
    expect((res.body.error as Json).message).toMatch(/Cannot fetch image URL .*HTTP 404/);
    const record = await task(res.body.task_id);
    expect(record.type).toBe('describe');
    expect((record.response as Json).success).toBe(false);
    const notUrl = await callJson(engine, '/midjourney/describe', { image_url: 'cat.png' });
    expect((notUrl.body.error as Json).message).toMatch(/http\(s\) URL/);
  });
});

describe('seed', () => {
  it('is the seed the grid was drawn with: imagining with --seed N gives the same bytes', async () => {
    const res = await callJson(engine, '/midjourney/seed', { image_id: grid.image_id });
    expect(res.status).toBe(200);
    const { seed } = seedResponseSchema.parse(res.body);
    expect(seed).toMatch(/^\d+$/);
    const again = await imagineWait(engine, {
      prompt: withSeed('a red fox in the snow --ar 3:2', Number(seed)),
    });
    const bytes = async (b: Json) =>
      Buffer.from(await (await getUrl(engine, String(b.raw_image_url))).arrayBuffer());
    expect((await bytes(again)).equals(await bytes(grid))).toBe(true);
    const other = await imagineWait(engine, {
      prompt: withSeed('a red fox in the snow --ar 3:2', Number(seed) + 1),
    });
    expect((await bytes(other)).equals(await bytes(grid))).toBe(false);
  });

  it('an upscale reports its grid seed; an unknown id is a 400 saying what to send', async () => {
    const up = await imagineWait(engine, { action: 'upscale2', image_id: grid.image_id });
    const a = await callJson(engine, '/midjourney/seed', { image_id: grid.image_id });
    const b = await callJson(engine, '/midjourney/seed', { image_id: up.image_id });
    expect(b.body.seed).toBe(a.body.seed);
    const unknown = await callJson(engine, '/midjourney/seed', { image_id: '123' });
    expect(unknown.status).toBe(400);
    expect((unknown.body.error as Json).message).toMatch(/not known.*image_id of a finished/);
  });
});

describe('translate and shorten', () => {
  it('translate: glossary words in English, unknown words kept, params untouched', async () => {
    const res = await callJson(engine, '/midjourney/translate', { content: '猫 --ar 16:9' });
    const { content } = translateResponseSchema.parse(res.body);
    expect(content).toMatch(/cat/i);
    expect(content).toMatch(/--ar 16:9$/);
    const unknown = await callJson(engine, '/midjourney/translate', { content: '龘' });
    expect(unknown.body.content).toContain('龘');
  });

  it('shorten: at most five shorter prompts that keep the params', async () => {
    const prompt =
      'a serene mountain lake at sunrise, mist rising from the water, towering pine trees on the shore, golden hour lighting, ultra detailed, cinematic --ar 16:9 --v 6';
    const res = await callJson(engine, '/midjourney/shorten', { prompt });
    const { prompts } = shortenResponseSchema.parse(res.body);
    expect(prompts.length).toBeGreaterThan(0);
    expect(prompts.length).toBeLessThanOrEqual(5);
    for (const p of prompts) {
      expect(p.length).toBeLessThan(prompt.length);
      expect(p).toContain('--ar 16:9');
    }
    const long = await callJson(engine, '/midjourney/shorten', { prompt: 'a '.repeat(3001) });
    expect((long.body.error as Json).message).toMatch(/limit is 6000/);
  });
});
