/**
 * The Imagine API client: submit with any delivery (wait, NDJSON stream, async) and look up
 * tasks. Browser and Node (only `fetch`); every reply is validated against `contract.ts` and
 * every failure is an `ApiError`.
 */
import { apiMsg } from './api-codes';
import type { Msg } from './message';
import {
  imagineResponseSchema,
  taskBatchSchema,
  taskSchema,
  type ImagineRequest,
  type ImagineResponse,
  type Task,
  type TaskBatch,
} from './contract';
import { errorFromResponse } from './error-response';
import { ApiError, isApiError, toApiError } from './errors';
import { newTraceId } from './trace-id';
import { redact, post, readJson, replyValues, validate, isObject } from './client-http';
import type { ClientConfig, Delivery, TaskKey } from './client-config';

/** What `imagine` yields. */
export type ImagineEvent =
  /** The service took the job and will not answer further here; poll tasks with `taskId`. */
  | { type: 'accepted'; taskId: string; traceId: string }
  /** An intermediate stream line (progress < 100, no actions yet). */
  | { type: 'progress'; traceId: string; response: ImagineResponse }
  /** The finished image: the final body or final stream line. */
  | { type: 'done'; traceId: string; response: ImagineResponse };

/** Options of one `imagine` call. */
export interface ImagineOptions {
  delivery: Delivery;
  signal?: AbortSignal;
  /**
   * The endpoint, when not `/midjourney/imagine`: `/midjourney/edits` answers with imagine's
   * fields, deliveries and task records (reference other-endpoints §1), so it shares this reader.
   */
  path?: string;
}

/** Query of `retrieveTasks`. */
export interface TaskBatchQuery {
  ids?: string[];
  trace_ids?: string[];
  offset?: number;
  limit?: number;
}

const NDJSON = 'application/x-ndjson';

/** A body that only says "task created" (no image fields at all). */
function isAcceptedOnly(r: ImagineResponse): boolean {
  return (
    typeof r.task_id === 'string' &&
    r.image_url === undefined &&
    r.image_id === undefined &&
    r.progress === undefined &&
    r.actions === undefined
  );
}

/** Final = progress 100, actions offered, or an image without any progress report at all. */
function isFinal(r: ImagineResponse): boolean {
  if (typeof r.progress === 'number' && r.progress >= 100) return true;
  if (r.actions && r.actions.length > 0) return true;
  return r.progress === undefined && r.image_url !== undefined;
}

function taskFailure(r: ImagineResponse, traceId: string, status?: number): ApiError {
  const code = r.error?.code;
  const said = r.error?.message;
  return new ApiError('task', said || (code ? `The task failed (${code}).` : 'The task failed.'), {
    ...(said
      ? {}
      : { reason: code ? apiMsg('api.task-failed-code', { code }) : apiMsg('api.task-failed') }),
    ...(status === undefined ? {} : { status }),
    ...(code ? { code } : {}),
    traceId: r.trace_id ?? traceId,
    ...(r.task_id ? { taskId: r.task_id } : {}),
  });
}

/** One imagine body or line → its event; `success:false` throws a task error. */
function classify(value: unknown, traceId: string, what: Msg, status: number): ImagineEvent {
  const r = validate(imagineResponseSchema, value, what);
  if (r.success === false || (r.error !== undefined && r.success === undefined && !r.image_url)) {
    throw taskFailure(r, traceId, status);
  }
  const trace = r.trace_id ?? traceId;
  if (isAcceptedOnly(r)) return { type: 'accepted', taskId: r.task_id!, traceId: trace };
  return { type: isFinal(r) ? 'done' : 'progress', traceId: trace, response: r };
}

function unfinished(progress: number | undefined, how: string, details: object): ApiError {
  const at = progress === undefined ? '' : ` at ${progress}%`;
  const cut = how !== 'ended';
  const reason =
    progress === undefined
      ? apiMsg(cut ? 'api.stream-cut' : 'api.stream-ended')
      : apiMsg(cut ? 'api.stream-cut-at' : 'api.stream-ended-at', { progress });
  return new ApiError('network', `The stream ${how}${at} before the image was finished`, {
    ...details,
    reason,
  });
}

/**
 * Turns imagine bodies (stream lines, or the values of a one-shot reply) into events: stops at
 * the first final one; without one, throws a `network` error saying how far it got, so the jobs
 * runner can recover the result via tasks with `traceId`/`taskId`.
 */
async function* eventsFrom(
  values: AsyncIterable<unknown> | Iterable<unknown>,
  traceId: string,
  status: number,
  label: (n: number) => Msg,
): AsyncGenerator<ImagineEvent> {
  let progress: number | undefined;
  let taskId: string | undefined;
  let accepted = false;
  let n = 0;
  try {
    for await (const value of values) {
      n += 1;
      const event = classify(value, traceId, label(n), status);
      if (event.type === 'accepted') {
        accepted = true;
        taskId = event.taskId;
        yield event;
        continue;
      }
      const p = event.response.progress;
      if (typeof p === 'number') progress = p;
      taskId = event.response.task_id ?? taskId;
      yield event;
      if (event.type === 'done') return;
    }
  } catch (err) {
    if (isApiError(err) && err.kind === 'network') {
      throw unfinished(progress, 'was cut off', {
        traceId,
        ...(taskId ? { taskId } : {}),
        cause: err,
      });
    }
    throw err;
  }
  // Accepted and nothing more: the task lives on server-side, as with async delivery.
  if (accepted && progress === undefined) return;
  throw unfinished(progress, 'ended', { traceId, ...(taskId ? { taskId } : {}) });
}

/**
 * Submits an imagine job and yields what comes back: `accepted` (async), `progress` lines and
 * `done` (stream), or just `done` (wait). Every submission carries a `trace_id` (the request's,
 * else a new one) so a lost reply can be found with `retrieveTask({trace_id})`.
 *
 * Throws `ApiError`: `http` for non-2xx, `task` for `success:false`, `invalid` for a reply off the
 * contract, `network` when the connection drops or a stream ends before its final line,
 * `aborted` when `opts.signal` fires.
 */
export async function* imagine(
  config: ClientConfig,
  request: ImagineRequest,
  opts: ImagineOptions,
): AsyncGenerator<ImagineEvent> {
  const { delivery, signal } = opts;
  const traceId = request.trace_id || newTraceId();
  const body: ImagineRequest = { ...request, trace_id: traceId };
  if (delivery === 'async') body.async = true;
  const accept = delivery === 'stream' ? NDJSON : 'application/json';

  try {
    const res = await post(config, opts.path ?? '/midjourney/imagine', body, accept, signal);
    if (!res.ok) {
      const err = await errorFromResponse(res);
      err.traceId ??= traceId;
      throw err;
    }

    const { values, label } = await replyValues(res, signal, delivery === 'stream');
    yield* eventsFrom(values, traceId, res.status, label);
  } catch (err) {
    throw redact(toApiError(err, signal), config.token);
  }
}

async function tasksCall(
  config: ClientConfig,
  body: Record<string, unknown>,
  signal: AbortSignal | undefined,
): Promise<{ res: Response; json: unknown }> {
  const res = await post(config, '/midjourney/tasks', body, 'application/json', signal);
  if (!res.ok) return { res, json: undefined };
  return { res, json: await readJson(res, signal) };
}

/**
 * Looks up one task by id or trace id. `null` when the service does not know it (HTTP 404, or
 * 200 with an empty body / no `id`). Throws `ApiError` otherwise.
 */
export async function retrieveTask(
  config: ClientConfig,
  key: TaskKey,
  signal?: AbortSignal,
): Promise<Task | null> {
  const body =
    'id' in key
      ? { action: 'retrieve', id: key.id }
      : { action: 'retrieve', trace_id: key.trace_id };
  try {
    const { res, json } = await tasksCall(config, body, signal);
    if (!res.ok) {
      const err = await errorFromResponse(res);
      // `no_api` is a 404 about the path (wrong base URL), not about the task.
      if (res.status === 404 && err.code !== 'no_api') return null;
      throw err;
    }
    if (json === undefined || json === null) return null;
    if (isObject(json) && (json.id === undefined || json.id === null || json.id === '')) {
      const err = isObject(json.error)
        ? (json.error as { code?: unknown; message?: unknown })
        : undefined;
      if (err && typeof err.message === 'string') {
        throw new ApiError('http', err.message, {
          status: res.status,
          ...(typeof err.code === 'string' ? { code: err.code } : {}),
          ...(typeof json.trace_id === 'string' ? { traceId: json.trace_id } : {}),
        });
      }
      return null;
    }
    return validate(taskSchema, json, apiMsg('api.the-task'));
  } catch (err) {
    throw redact(toApiError(err, signal), config.token);
  }
}

/** Looks up several tasks (`retrieve_batch`); with no ids it lists history by `offset`/`limit`. */
export async function retrieveTasks(
  config: ClientConfig,
  query: TaskBatchQuery,
  signal?: AbortSignal,
): Promise<TaskBatch> {
  const body: Record<string, unknown> = { action: 'retrieve_batch' };
  for (const k of ['ids', 'trace_ids', 'offset', 'limit'] as const) {
    if (query[k] !== undefined) body[k] = query[k];
  }
  try {
    const { res, json } = await tasksCall(config, body, signal);
    if (!res.ok) throw await errorFromResponse(res);
    return validate(taskBatchSchema, json, apiMsg('api.the-task-list'));
  } catch (err) {
    throw redact(toApiError(err, signal), config.token);
  }
}
