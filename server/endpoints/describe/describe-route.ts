/**
 * `POST /midjourney/describe` (reference other-endpoints §3): four prompts from what the image's
 * real pixels show, answered synchronously as JSON and recorded as a `describe` task (§3.4). It
 * does not stream, so of the injected faults only an HTTP error applies; it waits one pace step,
 * as the provider takes a while to read an image.
 */
import { describeRequestSchema } from '../../../src/kinds/describe/describe-contract';
import { evict, type EngineContext } from '../../engine/context';
import { readImageAt } from '../../engine/read-image';
import type { TaskRecord } from '../../engine/task-store';
import { TaskFailure } from '../../engine/pictures/actions';
import { readLook } from '../../engine/pictures/describe-image';
import { openRequest } from '../../http/open-request';
import { errorResponse, json } from '../../http/responses';
import { newTask } from '../../http/task-record';
import { selfUrlProblem } from '../../http/self-urls';
import { sleep } from '../../shared/sleep';
import type { Endpoint } from '../endpoint';
import { describePrompts } from './describe-prompts';

function finishTask(ctx: EngineContext, task: TaskRecord, body: Record<string, unknown>): void {
  const now = ctx.now() / 1000;
  task.response = body;
  task.state = body.success === false ? 'failed' : 'finished';
  task.finished_at = now;
  task.duration = now - task.created_at;
}

/** Describe: four prompts from what the image's pixels show, recorded as a `describe` task. */
export async function describe(ctx: EngineContext, req: Request, trace: string) {
  const opened = await openRequest(ctx, req, trace, describeRequestSchema);
  if (!opened.ok) return opened.response;
  const { data, raw, traceId, bad } = opened;
  const self = selfUrlProblem(ctx, req, [{ field: 'image_url', url: data.image_url }]);
  if (self) return bad(self);
  const task = newTask(ctx, 'describe', raw, traceId);
  evict(ctx);
  ctx.store.addTask(task);
  task.state = 'generating';
  try {
    const bytes = await readImageAt(ctx, data.image_url);
    const look = await ctx.limit(() => readLook(bytes));
    await sleep(ctx.pace, ctx.closing.signal);
    const body = {
      descriptions: describePrompts(look),
      success: true,
      task_id: task.id,
      trace_id: traceId,
    };
    finishTask(ctx, task, body);
    return json(body);
  } catch (err) {
    const failure =
      err instanceof TaskFailure ? err : new TaskFailure('api_error', 'Cannot read the image.');
    const body = {
      success: false,
      task_id: task.id,
      trace_id: traceId,
      error: { code: failure.code, message: failure.message },
    };
    finishTask(ctx, task, body);
    return errorResponse(failure.code, failure.message, traceId, undefined, { task_id: task.id });
  }
}

/** The registry's entry. */
export const describeEndpoint: Endpoint = {
  name: 'describe',
  handle: (ctx, req, _url, trace) => describe(ctx, req, trace),
};
