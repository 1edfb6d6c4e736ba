/** `POST /midjourney/tasks`: retrieve one task, a batch by ids or trace ids, or a page. */
import { tasksRequestSchema } from '../../../src/api/contract';
import type { EngineContext } from '../../engine/context';
import { taskView, type TaskRecord } from '../../engine/task-store';
import { errorResponse, json } from '../../http/responses';
import { readJsonObject } from '../../http/body';
import type { Endpoint } from '../endpoint';

/** Answer a tasks request (auth already checked). */
export async function tasks(ctx: EngineContext, req: Request, traceId: string): Promise<Response> {
  const { store } = ctx;
  const read = await readJsonObject(req);
  if (!read.ok) return errorResponse(read.code, read.message, traceId);
  const parsed = tasksRequestSchema.safeParse(read.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return errorResponse(
      'bad_request',
      `Invalid \`${issue?.path.join('.') || 'body'}\`: ${issue?.message ?? 'bad value'}`,
      traceId,
    );
  }
  const q = parsed.data;
  const action = q.action ?? 'retrieve';
  if (action === 'retrieve') {
    const id = q.id || q.task_id;
    // A task the service does not know is `200 {}`, the only not-found the reference documents
    // (other-endpoints §7.2 c), not a 404: a 404 there means a wrong path (`no_api`).
    if (id) {
      const task = store.getTask(id);
      return json(task ? taskView(task) : {});
    }
    if (q.trace_id) {
      const task = store.findByTrace(q.trace_id);
      return json(task ? taskView(task) : {});
    }
    return errorResponse('bad_request', 'id (or trace_id) is required to retrieve a task', traceId);
  }
  if ((q.ids && q.ids.length > 0) || (q.trace_ids && q.trace_ids.length > 0)) {
    const found = [
      ...(q.ids ?? []).map((id) => store.getTask(id)),
      ...(q.trace_ids ?? []).map((t) => store.findByTrace(t)),
    ].filter((t): t is TaskRecord => t !== undefined);
    const items = [...new Map(found.map((t) => [t.id, t])).values()].map(taskView);
    return json({ items, count: items.length });
  }
  const numberOf = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
  const listed = store.list({
    offset: q.offset ?? 0,
    limit: q.limit ?? 12,
    ...(typeof read.value.type === 'string' ? { type: read.value.type } : {}),
    ...(numberOf(read.value.created_at_min) !== undefined
      ? { createdMin: numberOf(read.value.created_at_min) }
      : {}),
    ...(numberOf(read.value.created_at_max) !== undefined
      ? { createdMax: numberOf(read.value.created_at_max) }
      : {}),
  });
  return json({ items: listed.items.map(taskView), count: listed.total });
}

/**
 * The registry's entry. Without a required token any token passes, so any web page could list
 * every task and prompt: the tasks are then readable by the engine's own origin only.
 */
export const tasksEndpoint: Endpoint = {
  name: 'tasks',
  handle: (ctx, req, _url, trace) => tasks(ctx, req, trace),
  ownOriginWithoutToken: true,
};
