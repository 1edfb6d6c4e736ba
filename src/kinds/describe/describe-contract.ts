/**
 * The contract of `/midjourney/describe` (shared reference `other-endpoints.md` §3), shared by
 * the client and the local engine. `success`/`task_id`/`trace_id` may or may not come along
 * (UNCERTAIN, §11); extra fields are kept.
 */
import { z } from 'zod/mini';
import { maybeTaskFields } from '../../api/contract-fields';

/** The describe endpoint's path. */
export const PATH = '/midjourney/describe';

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
