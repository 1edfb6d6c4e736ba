/**
 * The `videos` kind: `/midjourney/videos`, generate (an image to four clips) and extend (one clip
 * continued into four more). All three deliveries and task lookups, like imagine. The result
 * keeps the cover as `image_url` and the clips in `data` (`video_id`, `video_urls`), so the
 * history, export and image cache treat clips like pictures.
 */
import { message } from '../../api/message';
import type { VideosCode } from './videos-words';
import type { JobResult } from '../../jobs/job';
import type { JobKind, KindEvent, KindResponse, Settled } from '../../jobs/kind';
import { lazyModule } from '../../jobs/lazy-module';
import { GENERATE_ONLY_FIELDS, videoModeFor } from './video-modes';
import type { VideosRequest } from './videos-contract';

/**
 * The endpoint's path: the contract's `PATH`, written out so the contract (and zod) stays out of
 * the first load (`kinds/registry.test.tsx` checks the two agree).
 */
const VIDEOS_PATH = '/midjourney/videos';

/** The videos contract, loaded with the first video work (it brings zod). */
const contract = lazyModule('The videos contract', () => import('./videos-contract'));

/** A finished video result as the card shows it. */
export interface VideoResult {
  videoId: string;
  /** The four clips, in `video_index` order. */
  urls: string[];
  /** The cover image (first frame), when the service sent one. */
  cover?: string;
  width?: number;
  height?: number;
}

/** The clips of a job's result, or undefined when it holds none. */
export function videoResultOf(result: JobResult | undefined): VideoResult | undefined {
  const data = result?.data;
  const videoId = data?.video_id;
  const urls = data?.video_urls;
  if (typeof videoId !== 'string' || !Array.isArray(urls)) return undefined;
  return {
    videoId,
    urls: urls.filter((u): u is string => typeof u === 'string'),
    ...(result?.image_url ? { cover: result.image_url } : {}),
    ...(result?.image_width === undefined ? {} : { width: result.image_width }),
    ...(result?.image_height === undefined ? {} : { height: result.image_height }),
  };
}

/*
 * Responses reach `settle`/`progressOf` already checked (the client validates every body with
 * `videosResponseSchema`, task lookups with the task schema), so they are read field by field
 * here: the schemas and the client load with the first video call, not with the studio.
 */
const str = (x: unknown): string | undefined => (typeof x === 'string' && x ? x : undefined);
function num(x: unknown): number | undefined {
  const n = typeof x === 'string' && /^\d+(\.\d+)?$/.test(x) ? Number(x) : x;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

function settle(r: KindResponse): Settled {
  const urls = Array.isArray(r.video_urls) ? r.video_urls.filter((u) => str(u)) : [];
  const videoId = str(r.video_id) ?? (typeof r.video_id === 'number' ? String(r.video_id) : '');
  const error = (typeof r.error === 'object' && r.error ? r.error : undefined) as
    { code?: unknown; message?: unknown } | undefined;
  if (r.success !== false && !error && urls.length > 0 && videoId) {
    const result: JobResult = { actions: [], data: { video_id: videoId, video_urls: urls } };
    const taskId = str(r.task_id);
    const cover = str(r.image_url);
    const [width, height] = [num(r.image_width), num(r.image_height)];
    if (taskId) result.task_id = taskId;
    if (cover) result.image_url = cover;
    if (width !== undefined) result.image_width = width;
    if (height !== undefined) result.image_height = height;
    return { ok: true, result };
  }
  const failed = r.success === false || error !== undefined;
  const code = str(error?.code);
  const traceId = str(r.trace_id);
  return {
    ok: false,
    error: {
      kind: failed ? 'task' : 'invalid',
      ...(str(error?.message)
        ? { message: str(error?.message) }
        : {
            reason: message((failed ? 'videos.failed' : 'videos.no-clips') satisfies VideosCode),
          }),
      ...(code ? { code } : {}),
      ...(traceId ? { traceId } : {}),
    },
  };
}

/** The videos kind. */
export const videosKind: JobKind = {
  name: 'videos',
  endpoint: VIDEOS_PATH,
  load: () => contract.load(),
  requestSchema: () => contract.get().videosRequestSchema,
  deliveries: ['stream', 'wait', 'async'],
  tasks: true,
  transportFields: ['trace_id', 'async', 'callback_url', 'mode'],

  // Settings may say relax, which video does not have: the API's default (fast) instead.
  defaults: (settings) => ({ mode: videoModeFor(settings.mode) }),

  toBody(request, traceId, settings) {
    const body: KindResponse = { ...request, trace_id: traceId };
    body.mode = videoModeFor((body.mode as VideosRequest['mode']) ?? settings.mode);
    // Extend continues a clip: the fields only generate takes are not sent with it.
    if (body.action === 'extend') for (const f of GENERATE_ONLY_FIELDS) delete body[f];
    return body;
  },

  async *send(client, body, { delivery, signal }): AsyncGenerator<KindEvent> {
    // The client loads with the first video call, not with the studio.
    const { videos } = await import('./client-videos');
    for await (const event of videos(client, body as VideosRequest, { delivery, signal })) {
      if (event.type === 'accepted') yield event;
      else yield { type: event.type, response: event.response };
    }
  },

  progressOf(raw) {
    const p = num(raw.progress);
    return p === undefined ? {} : { progress: Math.min(100, Math.max(0, p)) };
  },

  settle,

  imagesOf(result) {
    const video = videoResultOf(result);
    return [...(video?.cover ? [video.cover] : []), ...(video?.urls ?? [])];
  },

  // A download of an Animate job is its four clips, not the still cover.
  downloadsOf: (result) => videoResultOf(result)?.urls ?? [],
};
