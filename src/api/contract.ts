/**
 * The Imagine API contract as AceData Cloud serves it (see shared reference `imagine-api.md`).
 * Types plus runtime schemas for every request, response, task and error body. Shared by the
 * browser client and the local engine, so the two cannot drift. No React, no DOM.
 *
 * Response schemas are lenient where the reference marks a point UNCERTAIN (optional `success`,
 * numbers sent as strings, extra fields) and strict where a wrong value would mislead the UI.
 */
import { z } from 'zod/mini';
import { dropRefusedUrls } from './url-scheme';

/*
 * zod/mini, not classic zod: classic attaches every method to every schema, so all of zod lands
 * in the initial bundle (~20 KB gzipped); mini tree-shakes. English messages are configured once
 * here so that "Invalid `prompt`: expected string, received number" still says what to change.
 */
z.config(z.locales.en());

/** Every action the reference names. Unknown strings still pass through as `string`. */
export const KNOWN_ACTIONS = [
  'generate',
  'upscale1',
  'upscale2',
  'upscale3',
  'upscale4',
  'variation1',
  'variation2',
  'variation3',
  'variation4',
  'reroll',
  'upscale_2x',
  'upscale_4x',
  'variation_subtle',
  'variation_strong',
  'variation_region',
  'zoom_out_2x',
  'zoom_out_1_5x',
  'pan_left',
  'pan_right',
  'pan_up',
  'pan_down',
  'upscale_subtle',
  'upscale_creative',
  'square',
  'redo_upscale_2x',
  'redo_upscale_4x',
  'redo_upscale_subtle',
  'redo_upscale_creative',
] as const;

/** A known action name. */
export type KnownAction = (typeof KNOWN_ACTIONS)[number];
/** An action: a known one, or any string the provider adds later (kept, not rejected). */
export type Action = KnownAction | (string & {});

/** The actions a finished 2×2 grid offers (reference §2.1). */
export const GRID_ACTIONS: readonly KnownAction[] = [
  'upscale1',
  'upscale2',
  'upscale3',
  'upscale4',
  'reroll',
  'variation1',
  'variation2',
  'variation3',
  'variation4',
];

/** The actions an upscaled single image offers (reference §2.1). */
export const UPSCALED_ACTIONS: readonly KnownAction[] = [
  'upscale_2x',
  'upscale_4x',
  'variation_subtle',
  'variation_strong',
  'zoom_out_2x',
  'zoom_out_1_5x',
  'pan_left',
  'pan_right',
  'pan_up',
  'pan_down',
];

export const MODES = ['fast', 'relax', 'turbo'] as const;
/** Generation speed; belongs in the request, never in the prompt. */
export type Mode = (typeof MODES)[number];

/** POST /midjourney/imagine body. */
export const imagineRequestSchema = z.looseObject({
  prompt: z.optional(z.string()),
  action: z.optional(z.string()),
  image_id: z.optional(z.string()),
  /** Base64 JPEG (or PNG), no `data:` prefix, exactly the image's raw size. */
  mask: z.optional(z.string()),
  mode: z.optional(z.enum(MODES)),
  translation: z.optional(z.boolean()),
  split_images: z.optional(z.boolean()),
  timeout: z.optional(z.number()),
  callback_url: z.optional(z.string()),
  async: z.optional(z.boolean()),
  trace_id: z.optional(z.string()),
  version: z.optional(z.string()),
  hd: z.optional(z.boolean()),
  quality: z.optional(z.string()),
  style_reference: z.optional(z.boolean()),
  moodboard: z.optional(z.boolean()),
});
/** POST /midjourney/imagine body. */
export type ImagineRequest = z.infer<typeof imagineRequestSchema>;

/** Numbers the provider sometimes types as strings (OAS says "string"; examples send numbers). */
const num = z.union([
  z.number(),
  z.pipe(z.string().check(z.regex(/^\d+(\.\d+)?$/)), z.transform(Number)),
]);

/** `{code, message}` as the provider sends it; kept word for word. */
export const errorDetailSchema = z.looseObject({
  code: z.optional(z.string()),
  message: z.optional(z.string()),
});
export type ErrorDetail = z.infer<typeof errorDetailSchema>;

/**
 * An imagine response: a final body, one NDJSON line, or a callback body. Success fields are
 * optional because a failure body (`success: false`) carries only `error` and ids. A link whose
 * scheme may not reach a `src`/`href` is dropped and named in `refused_urls`.
 */
export const imagineResponseSchema = z.pipe(
  z.looseObject({
    success: z.optional(z.boolean()),
    task_id: z.optional(z.string()),
    trace_id: z.optional(z.string()),
    image_id: z.optional(z.string()),
    image_url: z.optional(z.string()),
    image_width: z.optional(num),
    image_height: z.optional(num),
    raw_image_url: z.optional(z.string()),
    raw_image_width: z.optional(num),
    raw_image_height: z.optional(num),
    progress: z.optional(num),
    actions: z.optional(z.array(z.string())),
    sub_image_urls: z.optional(z.array(z.string())),
    error: z.optional(errorDetailSchema),
    /** Set here, never by the provider: fields whose link was refused (see `url-scheme`). */
    refused_urls: z.optional(z.array(z.string())),
  }),
  z.transform(dropRefusedUrls),
);
/** An imagine response body or NDJSON line. */
export type ImagineResponse = z.infer<typeof imagineResponseSchema>;

/** The immediate body of an async submission: `{task_id}` (with or without `success`). */
export const asyncAcceptedSchema = z.looseObject({
  success: z.optional(z.boolean()),
  task_id: z.string(),
  trace_id: z.optional(z.string()),
});
export type AsyncAccepted = z.infer<typeof asyncAcceptedSchema>;

/** POST /midjourney/tasks body. `task_id` is accepted as an alias of `id` (reference §6). */
export const tasksRequestSchema = z.looseObject({
  action: z.optional(z.enum(['retrieve', 'retrieve_batch'])),
  id: z.optional(z.string()),
  task_id: z.optional(z.string()),
  trace_id: z.optional(z.string()),
  ids: z.optional(z.array(z.string())),
  trace_ids: z.optional(z.array(z.string())),
  offset: z.optional(z.int().check(z.minimum(0))),
  limit: z.optional(z.int().check(z.minimum(1))),
});
export type TasksRequest = z.infer<typeof tasksRequestSchema>;

export const TASK_STATES = ['pending', 'generating', 'finished', 'failed'] as const;

/** One stored task. There is no documented `status`: done = `finished_at` set or `response.success` boolean. */
export const taskSchema = z.looseObject({
  id: z.string(),
  _id: z.optional(z.string()),
  trace_id: z.optional(z.string()),
  type: z.optional(z.string()),
  application_id: z.optional(z.string()),
  created_at: z.optional(num),
  started_at: z.optional(num),
  finished_at: z.nullable(z.optional(num)),
  duration: z.nullable(z.optional(num)),
  image_id: z.optional(z.string()),
  request: z.nullable(z.optional(z.record(z.string(), z.unknown()))),
  response: z.nullable(z.optional(imagineResponseSchema)),
  state: z.optional(z.string()),
});
/** One stored task (POST /midjourney/tasks). */
export type Task = z.infer<typeof taskSchema>;

export const taskBatchSchema = z.looseObject({
  items: z.array(taskSchema),
  count: z.optional(num),
});
export type TaskBatch = z.infer<typeof taskBatchSchema>;

/**
 * Both error-body shapes the reference shows: `{error:{code,message}, trace_id}` (with or without
 * `success:false`) and the legacy top-level `{code, detail}`.
 */
export const errorBodySchema = z.union([
  z.looseObject({
    success: z.optional(z.literal(false)),
    error: errorDetailSchema,
    trace_id: z.optional(z.string()),
  }),
  z.looseObject({
    code: z.string(),
    detail: z.optional(z.unknown()),
    message: z.optional(z.string()),
    trace_id: z.optional(z.string()),
  }),
]);
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** The provider's error codes with their HTTP statuses (reference §7). */
export const ERROR_STATUS: Readonly<Record<string, number>> = {
  bad_request: 400,
  no_token: 400,
  token_mismatched: 400,
  api_not_implemented: 400,
  invalid_token: 401,
  token_expired: 401,
  used_up: 403,
  disabled: 403,
  forbidden: 403,
  no_api: 404,
  too_large: 413,
  too_many_requests: 429,
  api_error: 500,
  timeout: 504,
};

/** A quadrant action's index (upscale3 → 3), or null. */
export function quadrantOf(action: string): 1 | 2 | 3 | 4 | null {
  const m = /^(?:upscale|variation)([1-4])$/.exec(action);
  return m ? (Number(m[1]) as 1 | 2 | 3 | 4) : null;
}
