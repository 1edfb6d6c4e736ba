/**
 * The contract of `/midjourney/shorten` (shared reference `other-endpoints.md` §6), shared by
 * the client and the local engine.
 */
import { z } from 'zod/mini';
import { maybeTaskFields } from '../../api/contract-fields';

/** The shorten endpoint's path. */
export const PATH = '/midjourney/shorten';

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
