/**
 * The contract of `/midjourney/videos` (shared reference `other-endpoints.md` §2), shared by the
 * client and the local engine: UNCERTAIN points accepted both ways, JSON `null` meaning "absent"
 * on optional request fields.
 */
import { z } from 'zod/mini';
import { MODES, errorDetailSchema } from '../../api/contract';
import { num, opt } from '../../api/contract-fields';
import { dropRefusedUrls } from '../../api/url-scheme';

/** The videos endpoint's path. */
export const PATH = '/midjourney/videos';

export const VIDEO_ACTIONS = ['generate', 'extend'] as const;
export const VIDEO_RESOLUTIONS = ['480p', '720p'] as const;
/** How many clips one videos task makes (`video_urls`, `video_index` 0–3). */
export const VIDEOS_PER_TASK = 4;

/**
 * POST /midjourney/videos body. Default `action` UNCERTAIN (stand-in: `generate`); `prompt`
 * requiredness UNCERTAIN; `mode: relax` is outside the spec enum but Nexior can send it, so it
 * parses here and the engine decides.
 */
export const videosRequestSchema = z.looseObject({
  action: opt(z.enum(VIDEO_ACTIONS)),
  prompt: opt(z.string()),
  image_url: opt(z.string()),
  end_image_url: opt(z.string()),
  video_id: opt(z.string()),
  video_index: opt(z.int().check(z.minimum(0), z.maximum(VIDEOS_PER_TASK - 1))),
  loop: opt(z.boolean()),
  resolution: opt(z.enum(VIDEO_RESOLUTIONS)),
  mode: opt(z.enum(MODES)),
  callback_url: opt(z.string()),
  async: opt(z.boolean()),
});
/** POST /midjourney/videos body. */
export type VideosRequest = z.infer<typeof videosRequestSchema>;

/**
 * A videos result (§2.2): a cover image and four clip URLs, with a new `video_id` each time. A
 * link whose scheme may not reach a `src`/`href` is dropped and named in `refused_urls`.
 */
export const videosResponseSchema = z.pipe(
  z.looseObject({
    success: z.optional(z.boolean()),
    task_id: z.optional(z.string()),
    trace_id: z.optional(z.string()),
    /** Nexior-only (UNCERTAIN). */
    type: z.optional(z.string()),
    image_url: z.optional(z.string()),
    image_width: z.optional(num),
    image_height: z.optional(num),
    progress: z.optional(num),
    /** A 16-digit string in the examples; a number is accepted and kept as its digits. */
    video_id: z.optional(z.union([z.string(), z.pipe(z.number(), z.transform(String))])),
    video_urls: z.optional(z.array(z.string())),
    error: z.optional(errorDetailSchema),
    /** Set here, never by the provider: fields whose link was refused (see `url-scheme`). */
    refused_urls: z.optional(z.array(z.string())),
  }),
  z.transform(dropRefusedUrls),
);
/** A videos response or callback body. */
export type VideosResponse = z.infer<typeof videosResponseSchema>;
