/**
 * Task records of every endpoint (shared reference `other-endpoints.md` §7): the types the
 * tasks endpoint may answer with, one record of any type, and the body for a task that does not
 * exist. Shared by the client's lookups and the engine.
 */
import { z } from 'zod/mini';
import { num } from './contract-fields';

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
