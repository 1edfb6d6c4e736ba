/**
 * A stored (or imported) job, validated: the schema every record read from the database or a
 * history file passes. Loaded with the database (`repository/job-repository.ts`), not with the page.
 */
import { z } from 'zod/mini';
import { imagineRequestSchema } from '../../api/contract';
import { REFUSED_URL_NOTE, dropRefusedUrls } from '../../api/url-scheme';
import { JOB_STATUSES } from '../../api/job-statuses';
import type { Msg } from '../../api/message';
import { cleanRequest, type StoredJob } from '../../jobs/job';

const jobResultSchema = z.object({
  task_id: z.optional(z.string()),
  image_id: z.optional(z.string()),
  image_url: z.optional(z.string()),
  image_width: z.optional(z.number()),
  image_height: z.optional(z.number()),
  raw_image_url: z.optional(z.string()),
  raw_image_width: z.optional(z.number()),
  raw_image_height: z.optional(z.number()),
  actions: z.array(z.string()),
  sub_image_urls: z.optional(z.array(z.string())),
  data: z.optional(z.record(z.string(), z.unknown())),
});

/** A non-empty string. */
const id = () => z.string().check(z.minLength(1));

/** A message of the studio's own (`api/message.ts`): a code and its params, never a sentence. */
export const msgSchema: z.ZodMiniType<Msg> = z.object({
  code: id(),
  params: z.optional(
    z.record(
      z.string(),
      z.union([z.string(), z.number(), z.lazy((): z.ZodMiniType<Msg> => msgSchema)]),
    ),
  ),
});

/**
 * A stored job, validated. Unknown keys are dropped (so a `preview`, or anything a hand-edited
 * file adds, never reaches the database); the request is cleaned of token-like keys.
 */
export const storedJobSchema: z.ZodMiniType<StoredJob> = z.pipe(
  z.object({
    id: id(),
    kind: z.optional(id()),
    traceId: id(),
    taskId: z.optional(id()),
    request: imagineRequestSchema,
    delivery: z.enum(['wait', 'stream', 'async']),
    target: z.optional(z.object({ name: z.string(), baseUrl: z.string() })),
    parent: z.optional(
      z.object({
        jobId: z.optional(z.string()),
        imageId: z.string(),
        action: z.string(),
        label: z.optional(z.string()),
      }),
    ),
    batch: z.optional(
      z.object({
        id: id(),
        size: z.int().check(z.minimum(1)),
        index: z.int().check(z.minimum(0)),
      }),
    ),
    cost: z.optional(z.number().check(z.minimum(0))),
    status: z.enum(JOB_STATUSES),
    progress: z.number().check(z.minimum(0), z.maximum(100)),
    result: z.optional(jobResultSchema),
    error: z.optional(
      z.object({
        kind: z.enum(['http', 'network', 'aborted', 'invalid', 'task', 'lost']),
        code: z.optional(z.string()),
        message: z.optional(z.string()),
        reason: z.optional(msgSchema),
        traceId: z.optional(z.string()),
        status: z.optional(z.number()),
      }),
    ),
    note: z.optional(msgSchema),
    retryAt: z.optional(z.number()),
    createdAt: z.number(),
    startedAt: z.optional(z.number()),
    updatedAt: z.number(),
    finishedAt: z.optional(z.number()),
    lastNewsAt: z.optional(z.number()),
    attempts: z.int().check(z.minimum(0)),
  }),
  z.transform((job) => withoutRefusedUrls({ ...job, request: cleanRequest(job.request) })),
);

/**
 * A stored or imported job with every link that may not reach a `src`/`href` removed (result,
 * a kind's `data`, request links such as describe's `image_url`), and a note saying so.
 */
function withoutRefusedUrls(job: StoredJob): StoredJob {
  let refused = false;
  const drop = <T extends object>(value: T): T => {
    const { refused_urls: found, ...kept } = dropRefusedUrls(value);
    refused ||= found !== undefined;
    return kept as unknown as T;
  };
  const request = drop(job.request);
  const r = job.result;
  const result = r && drop({ ...r, ...(r.data && { data: drop(r.data) }) });
  return refused ? { ...job, request, ...(result && { result }), note: REFUSED_URL_NOTE } : job;
}
