import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRID_ACTIONS, UPSCALED_ACTIONS } from '../../../src/api/contract';
import { createEngine, type Engine } from '../create-engine';
import {
  NDJSON,
  call,
  callJson,
  getUrl,
  imagineWait,
  meanDifference,
  ndjsonLines,
  servedImage,
  type Json,
} from '../fixtures/engine-test-kit';

/** A fetch that serves a few fixed images and records what was asked. */
function stubFetch(images: Record<string, Buffer | string>): {
  fetch: typeof fetch;
  asked: string[];
} {
  const asked: string[] = [];
  const stub = async (input: RequestInfo | URL): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input);
    asked.push(url);
    const body = images[url];
    if (body === undefined) return new Response('nope', { status: 404 });
    return new Response(typeof body === 'string' ? body : new Uint8Array(body), { status: 200 });
  };
  return { fetch: stub as typeof fetch, asked };
}

let blue: Buffer;
let engine: Engine;
let stub: ReturnType<typeof stubFetch>;
let grid: Json;
let upscale: Json;

beforeAll(async () => {
  blue = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#1030e0' } })
    .png()
    .toBuffer();
  stub = stubFetch({
    'https://img.example/blue.png': blue,
    'https://img.example/text.png': 'hello',
  });
  engine = createEngine({ paceMs: 0, fetchImpl: stub.fetch });
  grid = await imagineWait(engine, { prompt: 'a small boat on a lake --seed 11' });
  upscale = await imagineWait(engine, { action: 'upscale1', image_id: grid.image_id });
});
afterAll(() => engine.close());

describe('deliveries', () => {
  it('stream: one line per step with rising progress, own image ids and blurry WebP previews', async () => {
    const res = await call(
      engine,
      '/midjourney/imagine',
      { prompt: 'a windmill at dusk' },
      { accept: NDJSON },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(NDJSON);
    const lines = await ndjsonLines(res);
    expect(lines.length).toBeGreaterThanOrEqual(5);
    expect(lines.length).toBeLessThanOrEqual(8);
    const progress = lines.map((l) => Number(l.progress));
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThan(progress[i - 1]!);
    expect(progress.at(-1)).toBe(100);
    expect(new Set(lines.map((l) => l.image_id)).size).toBe(lines.length);
    expect(new Set(lines.map((l) => l.task_id)).size).toBe(1);

    const previews = lines.slice(0, -1);
    for (const line of previews) {
      expect(line).toMatchObject({
        success: true,
        actions: [],
        image_width: 256,
        image_height: 256,
        raw_image_width: 512,
        raw_image_height: 512,
      });
      expect(String(line.raw_image_url)).toMatch(
        /_grid_0\.webp\?ex=[0-9a-f]+&is=[0-9a-f]+&hm=[0-9a-f]+&$/,
      );
    }
    const final = lines.at(-1)!;
    expect(final.actions).toEqual([...GRID_ACTIONS]);
    expect(String(final.raw_image_url)).toMatch(/\/a_windmill_at_dusk\.png\?/);

    // Intermediate images die with the task's completion, as the provider's do.
    for (const line of previews)
      expect((await getUrl(engine, String(line.raw_image_url))).status).toBe(404);
    expect((await getUrl(engine, String(final.raw_image_url))).status).toBe(200);
  });

  it('stream --ar 16:9: previews and finals have the served sizes the fields claim', async () => {
    // Read previews while the task runs: a paced engine keeps them alive long enough.
    const paced = createEngine({ paceMs: 30 });
    try {
      const res = await call(
        paced,
        '/midjourney/imagine',
        { prompt: 'a wide valley --ar 16:9' },
        { accept: NDJSON },
      );
      const reader = res.body!.getReader();
      const first = JSON.parse(
        new TextDecoder().decode((await reader.read()).value).split('\n')[0]!,
      ) as Json;
      const raw = await servedImage(paced, String(first.raw_image_url));
      const thumb = await servedImage(paced, String(first.image_url));
      expect([raw.format, raw.width, raw.height]).toEqual([
        'webp',
        first.raw_image_width,
        first.raw_image_height,
      ]);
      expect(raw.width).toBe(512);
      expect([thumb.width, thumb.height]).toEqual([first.image_width, first.image_height]);
      expect(thumb.width).toBe(256);
      let rest = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        rest += new TextDecoder().decode(value);
      }
      const final = JSON.parse(rest.trim().split('\n').at(-1)!) as Json;
      expect(final).toMatchObject({
        raw_image_width: 2912,
        raw_image_height: 1632,
        image_width: 1456,
        image_height: 816,
      });
      const big = await servedImage(paced, String(final.raw_image_url));
      const small = await servedImage(paced, String(final.image_url));
      expect([big.width, big.height]).toEqual([2912, 1632]);
      expect([small.width, small.height]).toEqual([1456, 816]);
    } finally {
      paced.close();
    }
  });

  it('async: answers {success, task_id, trace_id} at once; the task finishes on its own', async () => {
    const res = await callJson(engine, '/midjourney/imagine', {
      prompt: 'a small boat on a lake --seed 11',
      async: true,
      trace_id: 'async-1',
    });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['success', 'task_id', 'trace_id']);
    expect(res.body).toMatchObject({ success: true, trace_id: 'async-1' });
    await engine.idle();
    const task = await callJson(engine, '/midjourney/tasks', {
      action: 'retrieve',
      id: res.body.task_id,
    });
    expect(task.body).toMatchObject({
      state: 'finished',
      response: { success: true, progress: 100 },
    });
  });

  it('accept: ndjson together with async: true answers one JSON object with the task id', async () => {
    const res = await call(
      engine,
      '/midjourney/imagine',
      { prompt: 'a small boat on a lake --seed 11', async: true },
      { accept: NDJSON },
    );
    expect(res.headers.get('content-type')).toBe('application/json');
    const body = JSON.parse(await res.text()) as Json;
    expect(body.task_id).toMatch(/^[0-9a-f-]{36}$/);
    await engine.idle();
  });

  it('split_images adds four quadrant URLs serving 1024² pictures', async () => {
    const res = await imagineWait(engine, {
      prompt: 'a small boat on a lake --seed 11',
      split_images: true,
    });
    const subs = res.sub_image_urls as string[];
    expect(subs).toHaveLength(4);
    const sizes = await Promise.all(subs.map((u) => servedImage(engine, u)));
    expect(sizes.map((s) => [s.width, s.height])).toEqual(Array(4).fill([1024, 1024]));
    const q2 = await sharp((await servedImage(engine, String(res.raw_image_url))).bytes)
      .extract({ left: 1024, top: 0, width: 1024, height: 1024 })
      .png()
      .toBuffer();
    expect(await meanDifference(sizes[1]!.bytes, q2)).toBe(0);
  });
});

describe('prompts the engine cannot take fail the task, in every delivery', () => {
  it('wait: HTTP 400 carrying the failed task body', async () => {
    const res = await callJson(engine, '/midjourney/imagine', { prompt: 'a cat --foo 3' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      success: false,
      error: { code: 'bad_request', message: 'Unrecognized argument(s): `--foo`' },
    });
    const task = await callJson(engine, '/midjourney/tasks', { id: res.body.task_id });
    expect(task.body).toMatchObject({ state: 'failed', response: { success: false } });
  });

  it('stream: one success:false line under HTTP 200', async () => {
    const res = await call(
      engine,
      '/midjourney/imagine',
      { prompt: 'a cat --foo --bar' },
      { accept: NDJSON },
    );
    expect(res.status).toBe(200);
    const lines = await ndjsonLines(res);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      success: false,
      error: { code: 'bad_request', message: 'Unrecognized argument(s): `--foo`, `--bar`' },
    });
  });

  it('async: the task holds the failure', async () => {
    const res = await callJson(engine, '/midjourney/imagine', {
      prompt: 'a cat --foo',
      async: true,
    });
    expect(res.status).toBe(200);
    await engine.idle();
    const task = await callJson(engine, '/midjourney/tasks', { id: res.body.task_id });
    expect(task.body.response).toMatchObject({
      success: false,
      task_id: res.body.task_id,
      error: { code: 'bad_request', message: 'Unrecognized argument(s): `--foo`' },
    });
  });

  it('every parameter of the list is understood (and --sref/--cref URLs are not fetched)', async () => {
    const asked = stub.asked.length;
    const res = await callJson(engine, '/midjourney/imagine', {
      prompt:
        'a cat --aspect 4:3 --version 6.1 --iw 1.5 --stylize 250 --chaos 10 --quality 2 --seed 77 ' +
        '--no red, blue --tile --style raw --weird 5 --sref https://img.example/s.png --sw 50 ' +
        '--cref https://img.example/c.png --cw 20 --fast',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      success: true,
      raw_image_width: 2464,
      raw_image_height: 1856,
    });
    expect(stub.asked.length).toBe(asked);
    const niji = await callJson(engine, '/midjourney/imagine', {
      prompt: 'a cat --niji 6 --s 900 --c 100 --w 3000 --q .5 --seed 77',
    });
    expect(niji.status).toBe(200);
  });

  it('a bad --ar value or an out-of-range number fails the task the same way', async () => {
    const ar = await callJson(engine, '/midjourney/imagine', { prompt: 'a cat --ar 1.5:1' });
    expect(ar.status).toBe(400);
    expect(ar.body).toMatchObject({ success: false, error: { code: 'bad_request' } });
    expect((ar.body.error as Json).message).toContain('`--ar`');
    expect(ar.body.task_id).toBeDefined();
    const chaos = await callJson(engine, '/midjourney/imagine', { prompt: 'a cat --c 101' });
    expect((chaos.body.error as Json).message).toContain('`--c`');
  });

  it('more than five leading image URLs is refused outright', async () => {
    const urls = Array.from({ length: 6 }, (_, i) => `https://img.example/${i}.png`).join(' ');
    const before = engine.state().tasks;
    const res = await callJson(engine, '/midjourney/imagine', { prompt: `${urls} a blend` });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      success: false,
      error: { code: 'bad_request', message: 'At most 5 image URLs may lead the prompt; found 6' },
    });
    expect(engine.state().tasks).toBe(before);
  });
});

describe('image prompts', () => {
  it("reads the engine's own attachment URLs from the store (no network) and they change the picture", async () => {
    const asked = stub.asked.length;
    // Another host in the URL (e.g. the dev server's) still names this engine's attachment.
    const own = String(upscale.raw_image_url).replace(
      'http://engine.test',
      'http://localhost:5173',
    );
    const [plain, withRef] = await Promise.all([
      imagineWait(engine, { prompt: 'a quiet harbour --seed 9' }),
      imagineWait(engine, { prompt: `${own} a quiet harbour --seed 9` }),
    ]);
    expect(stub.asked.length).toBe(asked);
    const a = await servedImage(engine, String(plain.raw_image_url));
    const b = await servedImage(engine, String(withRef.raw_image_url));
    expect(await meanDifference(a.bytes, b.bytes)).toBeGreaterThan(3);
  });

  it('fetches other URLs and passes --iw as the weight (0 = no influence)', async () => {
    const url = 'https://img.example/blue.png';
    const [plain, none, strong] = await Promise.all([
      imagineWait(engine, { prompt: 'a quiet harbour --seed 9' }),
      imagineWait(engine, { prompt: `${url} a quiet harbour --seed 9 --iw 0` }),
      imagineWait(engine, { prompt: `${url} a quiet harbour --seed 9 --iw 2` }),
    ]);
    expect(stub.asked).toContain(url);
    const [p, n, s] = await Promise.all([
      servedImage(engine, String(plain.raw_image_url)),
      servedImage(engine, String(none.raw_image_url)),
      servedImage(engine, String(strong.raw_image_url)),
    ]);
    expect(await meanDifference(p.bytes, n.bytes)).toBe(0);
    expect(await meanDifference(p.bytes, s.bytes)).toBeGreaterThan(3);
    // Strongly blue reference → a bluer picture.
    const blueOf = async (b: Buffer): Promise<number> => (await sharp(b).stats()).channels[2]!.mean;
    expect(await blueOf(s.bytes)).toBeGreaterThan(await blueOf(p.bytes));
  });

  it('an image URL that cannot be fetched or read fails the task, naming the URL', async () => {
    const missing = await callJson(engine, '/midjourney/imagine', {
      prompt: 'https://img.example/missing.png a cat',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 'bad_request' });
    expect((missing.body.error as Json).message).toContain('https://img.example/missing.png');
    const text = await callJson(engine, '/midjourney/imagine', {
      prompt: 'https://img.example/text.png a cat',
    });
    expect((text.body.error as Json).message).toContain('https://img.example/text.png');
  });
});

describe('actions', () => {
  it('an unknown image_id is a 400 naming the image and the action', async () => {
    const res = await callJson(engine, '/midjourney/imagine', {
      action: 'upscale1',
      image_id: '1234567890123456789',
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'bad_request' });
    const message = String((res.body.error as Json).message);
    expect(message).toContain('1234567890123456789');
    expect(message).toContain('upscale1');
  });

  it('an action the image does not offer is a 400 listing the ones it does', async () => {
    const res = await callJson(engine, '/midjourney/imagine', {
      action: 'upscale_2x',
      image_id: grid.image_id,
    });
    expect(res.status).toBe(400);
    expect((res.body.error as Json).message).toBe(
      `Action \`upscale_2x\` is not available for image ${String(grid.image_id)}; available: ${GRID_ACTIONS.join(', ')}`,
    );
    const region = await callJson(engine, '/midjourney/imagine', {
      action: 'variation_region',
      image_id: grid.image_id,
      mask: 'AAAA',
    });
    expect(region.status).toBe(400);
    const noId = await callJson(engine, '/midjourney/imagine', { action: 'upscale1' });
    expect(noId.status).toBe(400);
    expect((noId.body.error as Json).message).toContain('image_id');
  });

  it('reroll draws a different grid of the same prompt', async () => {
    const reroll = await imagineWait(engine, { action: 'reroll', image_id: grid.image_id });
    expect(reroll.actions).toEqual([...GRID_ACTIONS]);
    expect(String(reroll.raw_image_url)).toContain('/a_small_boat_on_a_lake.png');
    const a = await servedImage(engine, String(grid.raw_image_url));
    const b = await servedImage(engine, String(reroll.raw_image_url));
    expect([b.width, b.height]).toEqual([2048, 2048]);
    expect(await meanDifference(a.bytes, b.bytes)).toBeGreaterThan(3);
  });

  it('upscale_2x doubles an upscale and offers its redo in its place', async () => {
    const up2 = await imagineWait(engine, { action: 'upscale_2x', image_id: upscale.image_id });
    expect(up2).toMatchObject({
      actions: ['redo_upscale_2x', ...UPSCALED_ACTIONS.slice(1)],
      raw_image_width: 2048,
      raw_image_height: 2048,
      image_width: 1024,
    });
    const served = await servedImage(engine, String(up2.raw_image_url));
    expect([served.width, served.height]).toEqual([2048, 2048]);
  });

  it('zoom_out_2x, pan_left and variation_strong answer grids; pan widens each quadrant by half', async () => {
    const [zoom, panned, varied] = await Promise.all([
      imagineWait(engine, { action: 'zoom_out_2x', image_id: upscale.image_id }),
      imagineWait(engine, { action: 'pan_left', image_id: upscale.image_id }),
      imagineWait(engine, { action: 'variation_strong', image_id: upscale.image_id }),
    ]);
    expect(zoom.actions).toEqual([...GRID_ACTIONS]);
    expect(panned.actions).toEqual([...GRID_ACTIONS]);
    expect(varied).toMatchObject({
      actions: [...GRID_ACTIONS],
      raw_image_width: 2048,
      raw_image_height: 2048,
    });
    const z = await servedImage(engine, String(zoom.raw_image_url));
    const p = await servedImage(engine, String(panned.raw_image_url));
    expect([z.width, z.height]).toEqual([2048, 2048]);
    expect([p.width, p.height]).toEqual([3072, 2048]);
  });

  it('variation_region takes a PNG mask with a data: prefix, and refuses a missing or unreadable one', async () => {
    const png = await sharp({
      create: { width: 1024, height: 1024, channels: 3, background: 'black' },
    })
      .composite([
        {
          input: { create: { width: 200, height: 200, channels: 3, background: 'white' } },
          left: 100,
          top: 100,
        },
      ])
      .png()
      .toBuffer();
    const ok = await callJson(engine, '/midjourney/imagine', {
      action: 'variation_region',
      image_id: upscale.image_id,
      mask: `data:image/png;base64,${png.toString('base64')}`,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.actions).toEqual([...GRID_ACTIONS]);
    const missing = await callJson(engine, '/midjourney/imagine', {
      action: 'variation_region',
      image_id: upscale.image_id,
    });
    expect(missing.status).toBe(400);
    expect((missing.body.error as Json).message).toContain('mask');
    const garbage = await callJson(engine, '/midjourney/imagine', {
      action: 'variation_region',
      image_id: upscale.image_id,
      mask: Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01, 0x02]).toString('base64'),
    });
    expect(garbage.status).toBe(400);
    expect(garbage.body.error).toMatchObject({ code: 'bad_request' });
  });
});

describe('request validation', () => {
  it('prompt is required for generate; mode must be fast, relax or turbo', async () => {
    const none = await callJson(engine, '/midjourney/imagine', { action: 'generate' });
    expect(none.status).toBe(400);
    expect(none.body).toMatchObject({
      success: false,
      error: { code: 'bad_request', message: 'prompt is required' },
    });
    expect(typeof none.body.trace_id).toBe('string');
    const mode = await callJson(engine, '/midjourney/imagine', { prompt: 'a cat', mode: 'slow' });
    expect(mode.status).toBe(400);
    expect((mode.body.error as Json).message).toContain('mode');
  });
});
