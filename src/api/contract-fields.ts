/**
 * Field schemas every endpoint contract reads with (shared reference `other-endpoints.md` §11):
 * numbers the provider may type as strings, optional request fields that may come as JSON `null`
 * (MCP sends `"callback_url": null`), and the task fields a simple endpoint's body may also carry.
 */
import { z } from 'zod/mini';

/** Numbers the provider may type as strings. */
export const num = z.union([
  z.number(),
  z.pipe(z.string().check(z.regex(/^\d+(\.\d+)?$/)), z.transform(Number)),
]);

/** Optional in a request: absent, or JSON null (MCP), both meaning "not given". */
export const opt = <T extends z.ZodMiniType>(schema: T) => z.nullish(schema);

/** Fields the UNCERTAIN points say a simple endpoint's body may also carry. */
export const maybeTaskFields = {
  success: z.optional(z.boolean()),
  task_id: z.optional(z.string()),
  trace_id: z.optional(z.string()),
};
