/**
 * The videos client: `POST /midjourney/videos` (generate and extend) with any delivery. The
 * reference documents one JSON body (wait), `{task_id}` (async / callback) and, UNCERTAIN, an
 * NDJSON stream (Nexior asks for one and reads a single object). So a stream is read line by line
 * when the reply is NDJSON, and as one body otherwise. Every value is checked against
 * `videosResponseSchema`; failures are `ApiError`s with the provider's words kept.
 */
import type { ClientConfig, Delivery } from '../../api/client-config';
import { message, type Msg } from '../../api/message';
import type { VideosCode } from './videos-words';
import { isObject, post, redact, replyValues, validate } from '../../api/client-http';
import { errorFromResponse } from '../../api/error-response';
import { ApiError, toApiError } from '../../api/errors';
import {
  PATH as VIDEOS_PATH,
  videosResponseSchema,
  type VideosRequest,
  type VideosResponse,
} from './videos-contract';

/** What `videos` yields. */
export type VideosEvent =
  /** The service took the task (async): follow it on the tasks endpoint. */
  | { type: 'accepted'; taskId: string }
  /** A progress line (stream): no clips yet. */
  | { type: 'progress'; response: VideosResponse }
  /** The four clips, or a final body the caller settles. */
  | { type: 'done'; response: VideosResponse };

/** Options of one `videos` call. */
export interface VideosOptions {
  delivery: Delivery;
  signal?: AbortSignal;
}

function failure(r: VideosResponse, status: number): ApiError {
  const code = r.error?.code;
  const said = r.error?.message;
  return new ApiError(
    'task',
    said || (code ? `The video task failed (${code}).` : 'The video task failed.'),
    {
      ...(said
        ? {}
        : {
            reason: code
              ? message('videos.failed-code' satisfies VideosCode, { code })
              : message('videos.failed' satisfies VideosCode),
          }),
      status,
      ...(code ? { code } : {}),
      ...(r.trace_id ? { traceId: r.trace_id } : {}),
      ...(r.task_id ? { taskId: r.task_id } : {}),
    },
  );
}

function classify(value: unknown, status: number, what: Msg): VideosEvent {
  const r = validate(videosResponseSchema, value, what);
  if (r.success === false || (r.error !== undefined && !r.video_urls)) throw failure(r, status);
  const keys = isObject(value) ? Object.keys(value) : [];
  const acceptedOnly =
    typeof r.task_id === 'string' &&
    keys.every((k) => k === 'task_id' || k === 'success' || k === 'trace_id');
  if (acceptedOnly) return { type: 'accepted', taskId: r.task_id! };
  const final = (r.video_urls?.length ?? 0) > 0 || r.progress === undefined || r.progress >= 100;
  return { type: final ? 'done' : 'progress', response: r };
}

async function* eventsOf(
  values: AsyncIterable<unknown> | Iterable<unknown>,
  status: number,
  label: (n: number) => Msg,
): AsyncGenerator<VideosEvent> {
  let n = 0;
  let progress: number | undefined;
  let accepted = false;
  for await (const value of values) {
    n += 1;
    const event = classify(value, status, label(n));
    yield event;
    if (event.type === 'done') return;
    if (event.type === 'accepted') accepted = true;
    else if (typeof event.response.progress === 'number') progress = event.response.progress;
  }
  if (accepted && progress === undefined) return;
  const at = progress === undefined ? '' : ` at ${progress}%`;
  throw new ApiError('network', `The reply ended${at} before the clips were ready`, {
    reason:
      progress === undefined
        ? message('videos.reply-ended' satisfies VideosCode)
        : message('videos.reply-ended-at' satisfies VideosCode, { progress }),
  });
}

/**
 * Sends a videos request and yields what comes back. `async` delivery adds `async: true` (the
 * body's `callback_url`, if any, is the caller's). Throws `ApiError`: `http` for non-2xx, `task`
 * for `success: false`, `invalid` off the contract, `network` when the reply is cut short,
 * `aborted` when `signal` fires. The token is never in a message.
 */
export async function* videos(
  config: ClientConfig,
  request: VideosRequest,
  opts: VideosOptions,
): AsyncGenerator<VideosEvent> {
  const { delivery, signal } = opts;
  const body: Record<string, unknown> = { ...request };
  if (delivery === 'async') body.async = true;
  const accept = delivery === 'stream' ? 'application/x-ndjson' : 'application/json';
  try {
    const res = await post(config, VIDEOS_PATH, body, accept, signal);
    if (!res.ok) throw await errorFromResponse(res);
    const { values, label } = await replyValues(res, signal, false);
    yield* eventsOf(values, res.status, label);
  } catch (err) {
    throw redact(toApiError(err, signal), config.token);
  }
}
