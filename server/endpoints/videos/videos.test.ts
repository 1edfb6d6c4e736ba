import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpointTaskSchema } from '../../../src/api/contract-tasks';
import { videosResponseSchema } from '../../../src/kinds/videos/videos-contract';
import { createEngine, type Engine } from '../create-engine';
import {
  NDJSON,
  ORIGIN,
  callJson,
  getUrl,
  imagineWait,
  startCallbackServer,
  type Json,
} from '../fixtures/engine-test-kit';
import { CLIP_FRAMES, clipSize } from '../../engine/video/clips';
import { decodeFrames, probeClip } from '../../engine/video/probe';
import { meanDiff } from '../../engine/video/fixtures/video-test-kit';

let engine: Engine;
let picture: Json;

beforeAll(async () => {
  engine = createEngine({ paceMs: 0 });
  const grid = await imagineWait(engine, { prompt: 'a harbour at dusk --ar 4:3 --seed 3' });
  picture = await imagineWait(engine, { action: 'upscale2', image_id: grid.image_id });
});
afterAll(() => engine.close());

const bytesAt = async (url: unknown): Promise<Buffer> => {
  const res = await getUrl(engine, String(url));
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
};

describe('videos', { timeout: 180_000 }, () => {
  let generated: ReturnType<typeof videosResponseSchema.parse>;
  let clip1: Buffer;

  it('generate (callback, defaults): four 720p H.264 clips of real motion, a cover, a videos task', async () => {
    const hook = await startCallbackServer();
    let reply: Json;
    try {
      const res = await callJson(
        engine,
        '/midjourney/videos',
        { image_url: picture.raw_image_url, prompt: 'waves roll in', callback_url: hook.url },
        { accept: NDJSON },
      );
      expect(res.status).toBe(200);
      reply = res.body;
      expect(Object.keys(reply).sort()).toEqual(['success', 'task_id', 'trace_id']);
      const [post] = await hook.waitFor(1);
      generated = videosResponseSchema.parse(post!.body);
    } finally {
      await hook.close();
    }
    expect(generated).toMatchObject({ success: true, progress: 100, task_id: reply.task_id });
    expect(generated.video_id).toMatch(/^\d{16}$/);
    expect(generated.video_urls).toHaveLength(4);

    const res0 = await getUrl(engine, generated.video_urls![0]!);
    expect(res0.headers.get('content-type')).toBe('video/mp4');
    expect(res0.headers.get('accept-ranges')).toBe('bytes');
    const mp4 = Buffer.from(await res0.arrayBuffer());
    const info = await probeClip(mp4);
    // 720p by default: the short side 720, the picture's aspect kept.
    const size = clipSize(
      Number(picture.raw_image_width),
      Number(picture.raw_image_height),
      '720p',
    );
    expect(size.height).toBe(720);
    expect(info).toMatchObject({ ...size, frames: CLIP_FRAMES });
    expect([generated.image_width, generated.image_height]).toEqual([size.width, size.height]);
    expect(info.durationSeconds).toBeGreaterThan(1);
    const [first, last] = await decodeFrames(mp4, [0, -1]);
    expect(meanDiff(first!.data, last!.data)).toBeGreaterThan(3);
    clip1 = await bytesAt(generated.video_urls![1]);
    expect(clip1.equals(mp4)).toBe(false);

    const cover = await sharp(await bytesAt(generated.image_url)).metadata();
    expect([cover.format, cover.width, cover.height]).toEqual([
      'jpeg',
      generated.image_width,
      generated.image_height,
    ]);

    const record = endpointTaskSchema.parse(
      (await callJson(engine, '/midjourney/tasks', { id: reply.task_id })).body,
    );
    expect(record.type).toBe('videos');
    expect(record.request).toMatchObject({ prompt: 'waves roll in', callback_url: hook.url });
    expect(videosResponseSchema.parse(record.response).video_urls).toEqual(generated.video_urls);
  });

  it('serves byte ranges of a clip (206), and refuses one past the end (416)', async () => {
    const url = new URL(generated.video_urls![1]!);
    const get = (range: string) =>
      engine.handle(new Request(`${ORIGIN}${url.pathname}${url.search}`, { headers: { range } }));
    const part = await get('bytes=100-199');
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${clip1.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(clip1.subarray(100, 200))).toBe(true);
    const tail = await get('bytes=-10');
    expect(Buffer.from(await tail.arrayBuffer()).equals(clip1.subarray(-10))).toBe(true);
    expect((await get(`bytes=${clip1.length}-`)).status).toBe(416);
  });

  it('extend continues the chosen clip from its last frame, with a new video_id', async () => {
    const res = await callJson(engine, '/midjourney/videos', {
      action: 'extend',
      video_id: generated.video_id,
      video_index: 1,
      resolution: '480p',
    });
    expect(res.status).toBe(200);
    const extended = videosResponseSchema.parse(res.body);
    expect(extended.video_id).not.toBe(generated.video_id);
    expect(extended.video_urls).toHaveLength(4);
    const mp4 = await bytesAt(extended.video_urls![0]);
    const info = await probeClip(mp4);
    const size = clipSize(Number(generated.image_width), Number(generated.image_height), '480p');
    expect([info.width, info.height, info.frames]).toEqual([size.width, 480, CLIP_FRAMES]);
    const [lastOfSource] = await decodeFrames(clip1, [-1]);
    const [firstOfNew, lastOfNew] = await decodeFrames(mp4, [0, -1]);
    const scaled = await sharp(Buffer.from(lastOfSource!.data), {
      raw: { width: lastOfSource!.width, height: lastOfSource!.height, channels: 3 },
    })
      .resize(size.width, 480)
      .raw()
      .toBuffer();
    const fromClip0 = (await decodeFrames(await bytesAt(generated.video_urls![0]), [-1]))[0]!;
    const scaled0 = await sharp(Buffer.from(fromClip0.data), {
      raw: { width: fromClip0.width, height: fromClip0.height, channels: 3 },
    })
      .resize(size.width, 480)
      .raw()
      .toBuffer();
    // It starts where clip 2 (index 1) ended, not where clip 1 did.
    expect(meanDiff(firstOfNew!.data, scaled)).toBeLessThan(meanDiff(firstOfNew!.data, scaled0));
    expect(meanDiff(firstOfNew!.data, scaled)).toBeLessThan(6);
    expect(meanDiff(firstOfNew!.data, lastOfNew!.data)).toBeGreaterThan(3);
  });

  it('errors say what to change; a dead image fails the task', async () => {
    const cases: [Json, RegExp][] = [
      [{ action: 'generate' }, /image_url is required/],
      [{ image_url: picture.raw_image_url, mode: 'relax' }, /relax is not supported/],
      [{ action: 'extend' }, /video_id is required/],
      [{ action: 'extend', video_id: '1751816807896311' }, /not found/],
      [{ action: 'extend', video_id: generated.video_id, video_index: 4 }, /video_index/],
      [{ image_url: picture.raw_image_url, resolution: '1080p' }, /resolution/],
      [{ action: 'animate', image_url: picture.raw_image_url }, /action/],
      [{ image_url: picture.raw_image_url, callback_url: 'nope' }, /callback_url/],
      [{ image_url: picture.raw_image_url, prompt: 'a'.repeat(6001) }, /limit is 6000/],
    ];
    for (const [body, message] of cases) {
      const res = await callJson(engine, '/midjourney/videos', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((res.body.error as Json).message).toMatch(message);
    }
    const dead = await callJson(engine, '/midjourney/videos', {
      image_url: String(picture.raw_image_url).replace(/hm=[0-9a-f]+/, 'hm=0'),
      async: true,
    });
    expect(Object.keys(dead.body).sort()).toEqual(['success', 'task_id', 'trace_id']);
    await engine.idle();
    const record = (await callJson(engine, '/midjourney/tasks', { id: dead.body.task_id })).body;
    expect(record).toMatchObject({
      type: 'videos',
      response: { success: false, error: { code: 'bad_request' } },
    });
    await callJson(engine, '/__engine/faults', { status: 500, count: 1 }, { token: null });
    const faulted = await callJson(engine, '/midjourney/videos', { action: 'extend' });
    expect([faulted.status, (faulted.body.error as Json).code]).toEqual([500, 'api_error']);
  });
});
