/**
 * The contract of `/midjourney/seed` (shared reference `other-endpoints.md` §4), shared by the
 * client and the local engine. A seed may come as a string (spec) or a number (UNCERTAIN, §11).
 */
import { z } from 'zod/mini';
import { maybeTaskFields } from '../../api/contract-fields';

/** The seed endpoint's path. */
export const PATH = '/midjourney/seed';

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
