/**
 * The contract of `/midjourney/translate` (shared reference `other-endpoints.md` §5), shared by
 * the client and the local engine.
 */
import { z } from 'zod/mini';
import { maybeTaskFields } from '../../api/contract-fields';

/** The translate endpoint's path. */
export const PATH = '/midjourney/translate';

/** POST /midjourney/translate body (the spec's `default: "generate"` is an artifact, not used). */
export const translateRequestSchema = z.looseObject({ content: z.string().check(z.minLength(1)) });
export type TranslateRequest = z.infer<typeof translateRequestSchema>;

/** A translate result: the English `content`. */
export const translateResponseSchema = z.looseObject({
  ...maybeTaskFields,
  content: z.string(),
});
export type TranslateResponse = z.infer<typeof translateResponseSchema>;
