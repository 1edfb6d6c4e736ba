/**
 * `POST /midjourney/videos` (reference other-endpoints §2): `generate` makes four clips of real
 * motion from the image's own pixels (`makeClips`), `extend` continues one clip of an earlier
 * result from its last frame (`extendClip`). Encoding runs in the engine's 2-job limiter; the
 * MP4s and the cover are attachments (counted in the memory bound, served with expiring links
 * and byte ranges from the CDN origin). Recorded as `videos` tasks.
 *
 * Delivery: wait (default), `async`, `callback_url`. The reference shows no streaming for
 * videos and Nexior expects one JSON object even with `accept: application/x-ndjson` (§10.3), so
 * there are no NDJSON lines; the task's `response` shows `progress` while the clips are made.
 * Faults: an injected HTTP error answers instead, a stall stops the job after its first progress
 * line, a drop cuts the waiting reply.
 *
 * Stand-in rules for the UNCERTAIN points (§11): `action` defaults to `generate`; `prompt` is
 * optional (Midjourney treats it so); `mode: relax` is refused (400, outside the spec's enum);
 * an unknown `video_id` is a 400 naming it; `end_image_url` and `loop` apply to extend too.
 */
import { createHash } from 'node:crypto';
import { videosRequestSchema, type VideosRequest } from '../../../src/kinds/videos/videos-contract';
import { attachmentPath, linkTo } from '../../engine/attachment-links';
import type { EngineContext } from '../../engine/context';
import { deriveSeed, newVideoId } from '../../engine/ids';
import type { Body } from '../../engine/job';
import { startLines } from '../../engine/run-job';
import type { TaskRecord } from '../../engine/task-store';
import { TaskFailure } from '../../engine/pictures/actions';
import { extendClip, makeClips, type Clip } from '../../engine/video/clips';
import { deliver } from '../../http/deliver/deliver';
import { openRequest } from '../../http/open-request';
import { newTask } from '../../http/task-record';
import { sleep } from '../../shared/sleep';
import { selfUrlProblem } from '../../http/self-urls';
import { readImageAt } from '../../engine/read-image';
import type { Endpoint } from '../endpoint';

/** What one videos job starts from. */
type Source = { kind: 'generate'; imageUrl: string } | { kind: 'extend'; mp4: Buffer };

/** The job's lines: one progress line once the inputs are read, then the result body. */
async function* produce(
  ctx: EngineContext,
  task: TaskRecord,
  request: VideosRequest,
  source: Source,
  origin: string,
): AsyncGenerator<Body, Body> {
  const base = { task_id: task.id, trace_id: task.trace_id };
  const image = source.kind === 'generate' ? await readImageAt(ctx, source.imageUrl) : undefined;
  const endFrame = request.end_image_url
    ? await readImageAt(ctx, request.end_image_url)
    : undefined;
  await sleep(ctx.pace, ctx.closing.signal);
  yield { progress: 10, ...base, success: true };
  const key = createHash('sha1')
    .update(image ?? (source.kind === 'extend' ? source.mp4 : Buffer.alloc(0)))
    .digest('hex');
  const seed = deriveSeed(0, 'videos', key, request.prompt ?? '');
  const options = {
    loop: request.loop === true,
    seed,
    signal: ctx.closing.signal,
    ...(endFrame ? { endFrame } : {}),
  };
  let clips: Clip[];
  try {
    clips = await ctx.limit(() =>
      image
        ? makeClips(image, { ...options, resolution: request.resolution ?? '720p' })
        : extendClip((source as { mp4: Buffer }).mp4, {
            ...options,
            ...(request.resolution ? { resolution: request.resolution } : {}),
          }),
    );
  } catch (err) {
    if (ctx.closing.signal.aborted) throw new TaskFailure('api_error', 'The engine was closed.');
    throw new TaskFailure(
      'bad_request',
      `Cannot make the clips: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const videoId = newVideoId(ctx.now());
  const file = (clip: Clip, bytes: Buffer, type: string) => ({
    bytes,
    type,
    width: clip.width,
    height: clip.height,
  });
  const urls = clips.map((clip, i) => {
    const path = attachmentPath(task.id, videoId, `0_${i}.mp4`);
    ctx.store.putFile(path, {
      taskId: task.id,
      final: true,
      raw: file(clip, clip.mp4, 'video/mp4'),
    });
    return linkTo(ctx, origin, path);
  });
  const first = clips[0]!;
  const coverPath = attachmentPath(task.id, videoId, `upload_${videoId}.jpg`);
  ctx.store.putFile(coverPath, {
    taskId: task.id,
    final: true,
    raw: file(first, first.cover, 'image/jpeg'),
  });
  ctx.store.putVideo({ videoId, taskId: task.id, clips: clips.map((c) => c.mp4) });
  return {
    image_url: linkTo(ctx, origin, coverPath),
    image_width: first.width,
    image_height: first.height,
    progress: 100,
    video_id: videoId,
    video_urls: urls,
    ...base,
    success: true,
  };
}

/** Answer a videos request (auth already checked). */
export async function videos(ctx: EngineContext, req: Request, url: URL, trace: string) {
  const opened = await openRequest(ctx, req, trace, videosRequestSchema, {
    prompt: { field: 'prompt', named: 'The prompt' },
    callback: true,
  });
  if (!opened.ok) return opened.response;
  const { fault, data, raw, traceId, bad } = opened;
  if (data.mode === 'relax')
    return bad('mode must be fast or turbo: relax is not supported for video generation');
  const self = selfUrlProblem(ctx, req, [
    { field: 'image_url', url: data.image_url },
    { field: 'end_image_url', url: data.end_image_url },
    { field: 'callback_url', url: data.callback_url, callback: true },
  ]);
  if (self) return bad(self);
  let source: Source;
  if ((data.action ?? 'generate') === 'generate') {
    if (!data.image_url)
      return bad('image_url is required to generate a video (the first frame; a direct image URL)');
    source = { kind: 'generate', imageUrl: data.image_url };
  } else {
    if (!data.video_id) return bad('video_id is required to extend a video');
    const video = ctx.store.getVideo(data.video_id);
    if (!video)
      return bad(
        `Video ${data.video_id} was not found; send the video_id of a finished videos result`,
      );
    source = { kind: 'extend', mp4: video.clips[data.video_index ?? 0]! };
  }
  const task = newTask(ctx, 'videos', raw, traceId);
  const job = startLines(ctx, task, () => produce(ctx, task, data, source, url.origin), fault);
  return deliver(ctx, req, job, fault, {
    async: data.async,
    callbackUrl: data.callback_url,
    timeoutS: 480,
    streams: false,
  });
}

/** The registry's entry. */
export const videosEndpoint: Endpoint = { name: 'videos', handle: videos };
