import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Delivery } from '../../api/client-config';
import type { Mode } from '../../api/contract';
import {
  VIDEOS_ACCEPTED,
  VIDEOS_EXTEND,
  VIDEOS_GENERATE,
} from '../../api/fixtures/endpoint-bodies';
import type { FakeImagineServer } from '../../api/fixtures/fake-imagine-server';
import { testRunners } from '../../jobs/fixtures/test-runner';
import { animateSubmission, extendSubmission, VIDEOS_KIND } from './videos-requests';
import { videoResultOf, videosKind } from './videos-kind';
import { waitForJob as waitFor } from '../../jobs/fixtures/wait-for-job';
import { jobKinds } from '../registry';

const TOKEN = 'sk-videos-SECRET-5150';
const IMAGE = 'https://cdn.acedata.cloud/jgo1cw.jpg';

const runners = testRunners('videos');

/** Waits for something outside the store (requests the server saw). */
async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 250 && !cond(); i++) await new Promise((r) => setTimeout(r, 20));
  if (!cond()) throw new Error('condition never held');
}

async function setUp(settings: { delivery?: Delivery; mode?: Mode; callbackUrl?: string } = {}) {
  const server = await runners.fake();
  const tab = runners.openTab(server, {
    token: TOKEN,
    delivery: settings.delivery ?? 'wait',
    mode: settings.mode ?? 'fast',
    ...(settings.callbackUrl ? { callbackUrl: settings.callbackUrl } : {}),
    kinds: jobKinds(),
    pollIntervalMs: 20,
  });
  return { server, ...tab };
}

const posts = (server: FakeImagineServer, path: string) =>
  server.requests.filter((r) => r.method === 'POST' && r.path === path);

const animate = (mode: 'fast' | 'turbo' = 'fast') =>
  animateSubmission({ imageUrl: IMAGE, loop: false, resolution: '480p', mode }).request;

describe('videos kind', () => {
  it('generate: sends the image with the video defaults and answers four clips, a cover and a video id', async () => {
    const { server, store, runner, persistence } = await setUp();
    server.onPost = (path) =>
      path === '/midjourney/videos'
        ? { status: 200, body: JSON.parse(VIDEOS_GENERATE) }
        : undefined;
    const id = runner.submit(
      animateSubmission({
        imageUrl: IMAGE,
        motionPrompt: '  the camera drifts left ',
        loop: true,
        resolution: '720p',
        mode: 'turbo',
      }).request,
      { kind: VIDEOS_KIND },
    );
    const job = await waitFor(store, id, (j) => j.status === 'done');

    const [call] = posts(server, '/midjourney/videos');
    expect(call!.body).toEqual({
      action: 'generate',
      image_url: IMAGE,
      prompt: 'the camera drifts left',
      loop: true,
      resolution: '720p',
      mode: 'turbo',
      trace_id: job.traceId,
    });
    expect(call!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(call!.headers.accept).toBe('application/json');
    expect(job).toMatchObject({ kind: 'videos', progress: 100 });
    const video = videoResultOf(job.result);
    expect(video).toEqual({
      videoId: '1751816807896311',
      urls: [0, 1, 2, 3].map(
        (i) => `https://storage.fonedis.cc//video/1c67c36c-8177-4f19-ad72-1dc1567265a6/0_${i}.mp4`,
      ),
      cover: 'https://storage.fonedis.cc/upload_1751816808164156352.png',
      width: 560,
      height: 688,
    });
    expect(videosKind.imagesOf(job.result!)).toEqual([video!.cover, ...video!.urls]);
    // Kept in history with its clips (export and recovery read the stored record).
    const stored = await persistence.getJob(id);
    expect(stored?.result?.data).toEqual({ video_id: video!.videoId, video_urls: video!.urls });
    expect(stored?.request).toMatchObject({ action: 'generate', image_url: IMAGE });
    expect(JSON.stringify(stored)).not.toContain(TOKEN);
  });

  it('relax in Settings becomes fast: video has no relax mode', async () => {
    const { server, store, runner } = await setUp({ mode: 'relax' });
    server.onPost = () => ({ status: 200, body: JSON.parse(VIDEOS_GENERATE) });
    const { mode: _mode, ...withoutMode } = animate();
    const id = runner.submit(withoutMode, { kind: VIDEOS_KIND });
    await waitFor(store, id, (j) => j.status === 'done');
    expect(posts(server, '/midjourney/videos')[0]!.body.mode).toBe('fast');
    expect(videosKind.defaults({ delivery: 'wait', mode: 'turbo' })).toEqual({ mode: 'turbo' });
    expect(videosKind.defaults({ delivery: 'wait', mode: 'relax' })).toEqual({ mode: 'fast' });
  });

  it('extend: sends the video id and clip index, not the fields only generate takes, and links the new job to its parent', async () => {
    const { server, store, runner } = await setUp();
    server.onPost = (_path, body) => ({
      status: 200,
      body: JSON.parse(body.action === 'extend' ? VIDEOS_EXTEND : VIDEOS_GENERATE),
    });
    const first = runner.submit(
      animateSubmission({
        imageUrl: IMAGE,
        motionPrompt: 'waves roll in',
        endImageUrl: 'https://cdn.acedata.cloud/end.png',
        loop: true,
        resolution: '480p',
        mode: 'turbo',
      }).request,
      { kind: VIDEOS_KIND },
    );
    const parent = await waitFor(store, first, (j) => j.status === 'done');
    const submission = extendSubmission(parent, 1)!;
    // Even a request that carries them does not send generate's fields with extend.
    const second = runner.submit(
      { ...submission.request, loop: true, image_url: IMAGE },
      { kind: VIDEOS_KIND, parent: submission.parent! },
    );
    const child = await waitFor(store, second, (j) => j.status === 'done');

    const extendCall = posts(server, '/midjourney/videos')[1]!;
    expect(extendCall.body).toEqual({
      action: 'extend',
      video_id: '1751816807896311',
      video_index: 1,
      prompt: 'waves roll in',
      resolution: '480p',
      mode: 'turbo',
      trace_id: child.traceId,
    });
    expect(child.parent).toEqual({
      jobId: parent.id,
      imageId: '1751816807896311',
      action: 'extend',
      label: 'waves roll in',
    });
    expect(videoResultOf(child.result)?.videoId).toBe('1751818094559027');
    expect(extendSubmission(parent, 4)).toBeNull();
    expect(extendSubmission({ ...parent, result: { actions: [] } }, 0)).toBeNull();
  });

  it('errors keep the provider’s code and message; a body without clips is invalid; the token is never shown', async () => {
    const { server, store, runner } = await setUp();
    server.onPost = () => ({
      status: 400,
      body: {
        success: false,
        error: { code: 'bad_request', message: `image_url is required ${TOKEN}` },
      },
    });
    const bad = runner.submit(animate(), { kind: VIDEOS_KIND });
    const failed = await waitFor(store, bad, (j) => j.status === 'failed');
    expect(failed.error).toMatchObject({ kind: 'http', status: 400, code: 'bad_request' });
    expect(failed.error?.message).toBe('image_url is required ***');

    server.onPost = () => ({
      status: 200,
      body: {
        success: false,
        error: { code: 'api_error', message: 'fetch failed' },
        trace_id: 't-1',
      },
    });
    const task = runner.submit(animate(), { kind: VIDEOS_KIND });
    expect((await waitFor(store, task, (j) => j.status === 'failed')).error).toMatchObject({
      kind: 'task',
      code: 'api_error',
      message: 'fetch failed',
    });

    server.onPost = () => ({ status: 200, body: { success: true, progress: 100, video_urls: [] } });
    const empty = runner.submit(animate(), { kind: VIDEOS_KIND });
    expect((await waitFor(store, empty, (j) => j.status === 'failed')).error).toMatchObject({
      kind: 'invalid',
      reason: { code: 'videos.no-clips' },
    });
  });

  it('async with a callback: answers a task id at once, then the task record finishes the job', async () => {
    const callbackUrl = 'https://hooks.example/videos';
    const { server, store, runner } = await setUp({ delivery: 'async', callbackUrl });
    const accepted = JSON.parse(VIDEOS_ACCEPTED) as { task_id: string };
    server.onPost = () => ({ status: 200, body: accepted });
    const id = runner.submit(animate(), { kind: VIDEOS_KIND });
    const running = await waitFor(store, id, (j) => j.taskId === accepted.task_id);
    expect(running.status).toBe('running');
    const call = posts(server, '/midjourney/videos')[0]!;
    expect(call.body).toMatchObject({ async: true, callback_url: callbackUrl });

    // Pending, then half way, then done: the card follows the task's progress.
    server.tasks.set(accepted.task_id, { id: accepted.task_id, request: call.body });
    await until(() => posts(server, '/midjourney/tasks').length >= 1);
    server.tasks.set(accepted.task_id, {
      id: accepted.task_id,
      request: call.body,
      response: { success: true, task_id: accepted.task_id, progress: 50 },
    });
    await waitFor(store, id, (j) => j.progress === 50);
    server.tasks.set(accepted.task_id, {
      id: accepted.task_id,
      request: call.body,
      response: JSON.parse(VIDEOS_GENERATE) as Record<string, unknown>,
      finished_at: 1751816790.456,
    });
    const done = await waitFor(store, id, (j) => j.status === 'done');
    expect(videoResultOf(done.result)?.urls).toHaveLength(4);
    expect(posts(server, '/midjourney/tasks')[0]!.body).toEqual({
      action: 'retrieve',
      id: accepted.task_id,
    });
  });

  it('a lost answer is found in tasks by its trace id', async () => {
    const { server, store, runner } = await setUp();
    server.onPost = (_path, body) => {
      server.tasks.set('task-lost', {
        id: 'task-lost',
        trace_id: body.trace_id as string,
        response: JSON.parse(VIDEOS_GENERATE) as Record<string, unknown>,
        finished_at: 1,
      });
      return { status: 200, body: { success: true, progress: 40 } };
    };
    const id = runner.submit(animate(), { kind: VIDEOS_KIND });
    const done = await waitFor(store, id, (j) => j.status === 'done');
    expect(done.taskId).toBe('task-lost');
    const lookup = posts(server, '/midjourney/tasks')[0]!;
    expect(lookup.body).toEqual({ action: 'retrieve', trace_id: done.traceId });
  });

  it('caches the cover and the four clips where the host allows it', async () => {
    const { server, store, runner, persistence } = await setUp();
    const clip = new Uint8Array([0, 0, 0, 24, 0x66, 0x74, 0x79, 0x70]);
    const urls = [0, 1, 2, 3].map((i) => `${server.url}/v/0_${i}.mp4`);
    for (const url of urls)
      server.files.set(new URL(url).pathname, { type: 'video/mp4', bytes: clip });
    server.files.set('/v/cover.png', { type: 'image/png', bytes: new Uint8Array([137, 80]) });
    server.onPost = () => ({
      status: 200,
      body: {
        success: true,
        progress: 100,
        video_id: '1',
        video_urls: urls,
        image_url: `${server.url}/v/cover.png`,
      },
    });
    const id = runner.submit(animate(), { kind: VIDEOS_KIND });
    await waitFor(store, id, (j) => j.status === 'done');
    await until(() => server.requests.filter((r) => r.method === 'GET').length >= 5);
    // Each clip is kept as a blob: its object URL is not the remote link.
    let cached = '';
    for (let i = 0; i < 50 && !cached.startsWith('blob:'); i++) {
      cached =
        (await persistence.imageUrlFor({ result: { image_url: urls[2], actions: [] } })) ?? '';
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(cached).toMatch(/^blob:/);
  });
});
