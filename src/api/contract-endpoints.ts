/**
 * The contract of the Midjourney endpoints other than imagine (shared reference
 * `other-endpoints.md`): edits, videos, describe, seed, translate, shorten, and their task
 * records. Types plus runtime schemas, shared by the browser client and the local engine.
 *
 * Every point the reference marks UNCERTAIN is accepted both ways here (its §11): fields whose
 * requiredness is unknown are optional; JSON `null` stands for "absent" on optional request fields
 * (MCP sends `"callback_url": null`); `success`/`task_id`/`trace_id` may or may not accompany
 * describe/seed/translate/shorten bodies; a seed may come as a string (spec) or a number;
 * `elapsed` or `duration`; extra fields are kept. The engine decides its own stricter rules
 * (e.g. which fields it requires) on top of these and answers with the provider's error codes.
 */
import { z } from 'zod/mini';
import { MODES, imagineResponseSchema } from './contract';

/** Numbers the provider may type as strings. */
const num = z.union([
  z.number(),
  z.pipe(z.string().check(z.regex(/^\d+(\.\d+)?$/)), z.transform(Number)),
]);

/** Optional in a request: absent, or JSON null (MCP), both meaning "not given". */
const opt = <T extends z.ZodMiniType>(schema: T) => z.nullish(schema);

/** Fields the UNCERTAIN points say a simple endpoint's body may also carry. */
const maybeTaskFields = {
  success: z.optional(z.boolean()),
  task_id: z.optional(z.string()),
  trace_id: z.optional(z.string()),
};

// ── edits (§1) ────────────────────────────────────────────────────────────────

/** POST /midjourney/edits body. `image_url` and `prompt`: requiredness UNCERTAIN (§1.1). */
export const editsRequestSchema = z.looseObject({
  image_url: opt(z.string()),
  prompt: opt(z.string()),
  /** Only `generate` is documented; other values UNCERTAIN (a CLI shows `vary`). */
  action: opt(z.string()),
  /** White = edit, black = keep; encoding UNCERTAIN (base64 JPEG/PNG, maybe a data URL). */
  mask: opt(z.string()),
  mode: opt(z.enum(MODES)),
  split_images: opt(z.boolean()),
  callback_url: opt(z.string()),
  async: opt(z.boolean()),
});
/** POST /midjourney/edits body. */
export type EditsRequest = z.infer<typeof editsRequestSchema>;

/**
 * An edits result: imagine's fields (§1.2). `actions` is absent in the guide's examples and
 * present in the spec's (copy-paste) — optional either way.
 */
export const editsResponseSchema = imagineResponseSchema;
/** An edits response or callback body. */
export type EditsResponse = z.infer<typeof editsResponseSchema>;

// ── videos (§2): in `contract-videos.ts`, which the studio loads at start-up without the rest ──

export {
  VIDEO_ACTIONS,
  VIDEO_RESOLUTIONS,
  VIDEOS_PER_TASK,
  videosRequestSchema,
  videosResponseSchema,
} from './contract-videos';
export type { VideosRequest, VideosResponse } from './contract-videos';

// ── describe (§3) ─────────────────────────────────────────────────────────────

/** How many descriptions describe returns (§3.2). */
export const DESCRIPTIONS_PER_IMAGE = 4;

/** POST /midjourney/describe body. */
export const describeRequestSchema = z.looseObject({ image_url: z.string().check(z.minLength(1)) });
export type DescribeRequest = z.infer<typeof describeRequestSchema>;

/**
 * A describe result: `descriptions` (four in every example; fewer, or empty strings that
 * Nexior skips, UNCERTAIN — accepted). Each ends in ` --ar W:H`.
 */
export const describeResponseSchema = z.looseObject({
  ...maybeTaskFields,
  descriptions: z.array(z.string()),
});
export type DescribeResponse = z.infer<typeof describeResponseSchema>;

// ── seed (§4) ─────────────────────────────────────────────────────────────────

/** POST /midjourney/seed body. */
export const seedRequestSchema = z.looseObject({ image_id: z.string().check(z.minLength(1)) });
export type SeedRequest = z.infer<typeof seedRequestSchema>;

/** A seed result: a string per the spec; a number is accepted and kept as its digits. */
export const seedResponseSchema = z.looseObject({
  ...maybeTaskFields,
  seed: z.union([
    z.string().check(z.regex(/^\d+$/)),
    z.pipe(z.int().check(z.minimum(0)), z.transform(String)),
  ]),
});
export type SeedResponse = z.infer<typeof seedResponseSchema>;

// ── translate (§5) ────────────────────────────────────────────────────────────

/** POST /midjourney/translate body (the spec's `default: "generate"` is an artifact, not used). */
export const translateRequestSchema = z.looseObject({ content: z.string().check(z.minLength(1)) });
export type TranslateRequest = z.infer<typeof translateRequestSchema>;

/** A translate result: the English `content`. */
export const translateResponseSchema = z.looseObject({
  ...maybeTaskFields,
  content: z.string(),
});
export type TranslateResponse = z.infer<typeof translateResponseSchema>;

// ── shorten (§6) ──────────────────────────────────────────────────────────────

/** The most candidates shorten returns ("up to 5"). */
export const MAX_SHORTEN_PROMPTS = 5;

/** POST /midjourney/shorten body. */
export const shortenRequestSchema = z.looseObject({ prompt: z.string().check(z.minLength(1)) });
export type ShortenRequest = z.infer<typeof shortenRequestSchema>;

/** A shorten result: up to five prompts (more would not be a /shorten answer). */
export const shortenResponseSchema = z.looseObject({
  ...maybeTaskFields,
  prompts: z.array(z.string()).check(z.maxLength(MAX_SHORTEN_PROMPTS)),
});
export type ShortenResponse = z.infer<typeof shortenResponseSchema>;

// ── task records for these endpoints (§7) ─────────────────────────────────────

/** Task `type`s: `imagine`, `describe`, `videos` from sources; `edits` is a guess (UNCERTAIN). */
export const TASK_TYPES = ['imagine', 'describe', 'videos', 'edits'] as const;

/**
 * One task record of any type (§7.3). `response` is kept as an object and read with the
 * endpoint's schema by `type`; pending tasks have none; `elapsed` or `duration` (either).
 */
export const endpointTaskSchema = z.looseObject({
  id: z.string(),
  type: z.optional(z.string()),
  trace_id: z.optional(z.string()),
  created_at: z.optional(num),
  started_at: z.optional(num),
  finished_at: z.nullish(num),
  elapsed: z.nullish(num),
  duration: z.nullish(num),
  request: z.nullish(z.record(z.string(), z.unknown())),
  response: z.nullish(z.record(z.string(), z.unknown())),
});
export type EndpointTask = z.infer<typeof endpointTaskSchema>;

/** The body for a task that does not exist: `{}` (§7.2 c). */
export const taskNotFoundSchema = z.strictObject({});
