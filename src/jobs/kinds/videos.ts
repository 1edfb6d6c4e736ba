/**
 * The `videos` kind: `/midjourney/videos`, generate (an image to four clips) and extend (one clip
 * continued into four more). All three deliveries and task lookups, like imagine. The result
 * keeps the cover as `image_url` and the clips in `data` (`video_id`, `video_urls`), so the
 * history, export and image cache treat clips like pictures.
 */
import { VIDEOS_PATH, videos } from '../../api/client-videos';
import {
  videosRequestSchema,
  videosResponseSchema,
  type VideosRequest,
  type VideosResponse,
} from '../../api/contract-endpoints';
import { GENERATE_ONLY_FIELDS, videoModeFor } from '../../prompt/video-lint';
import type { JobResult } from '../job';
import type { JobKind, KindEvent, KindResponse, Settled } from './kind';

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

function asVideos(response: KindResponse): VideosResponse {
  const parsed = videosResponseSchema.safeParse(response);
  return parsed.success ? parsed.data : (response as VideosResponse);
}

function settle(raw: KindResponse): Settled {
  const r = asVideos(raw);
  const urls = Array.isArray(r.video_urls) ? r.video_urls : [];
  if (r.success !== false && !r.error && urls.length > 0 && r.video_id) {
    const result: JobResult = {
      actions: [],
      data: { video_id: r.video_id, video_urls: urls },
    };
    if (r.task_id) result.task_id = r.task_id;
    if (r.image_url) result.image_url = r.image_url;
    if (typeof r.image_width === 'number') result.image_width = r.image_width;
    if (typeof r.image_height === 'number') result.image_height = r.image_height;
    return { ok: true, result };
  }
  const failed = r.success === false || r.error !== undefined;
  return {
    ok: false,
    error: {
      kind: failed ? 'task' : 'invalid',
      message:
        r.error?.message ||
        (failed ? 'The video task failed.' : 'The video task finished without clips.'),
      ...(r.error?.code ? { code: r.error.code } : {}),
      ...(r.trace_id ? { traceId: r.trace_id } : {}),
    },
  };
}

/** The videos kind. */
export const videosKind: JobKind = {
  name: 'videos',
  endpoint: VIDEOS_PATH,
  requestSchema: videosRequestSchema,
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
    if (settings.delivery === 'async' && settings.callbackUrl) {
      body.callback_url = settings.callbackUrl;
    }
    return body;
  },

  async *send(client, body, { delivery, signal }): AsyncGenerator<KindEvent> {
    for await (const event of videos(client, body as VideosRequest, { delivery, signal })) {
      if (event.type === 'accepted') yield event;
      else yield { type: event.type, response: event.response };
    }
  },

  progressOf(raw) {
    const p = asVideos(raw).progress;
    return typeof p === 'number' ? { progress: Math.min(100, Math.max(0, p)) } : {};
  },

  settle,

  imagesOf(result) {
    const video = videoResultOf(result);
    return [...(video?.cover ? [video.cover] : []), ...(video?.urls ?? [])];
  },

  card: () => 'video',
};
