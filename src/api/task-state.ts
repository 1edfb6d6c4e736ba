/**
 * Whether a task has ended, read from a task record. Apart from `contract.ts` so the job machine
 * can decide without loading the contract's schemas (and zod) with the page.
 */
import type { Task } from './contract';

/**
 * Whether a task has ended. There is no documented status field, so: `finished_at` set, a
 * `state` of finished/failed, a failed response, or a successful response that is final
 * (progress 100 or actions offered). A pending task's response may be its latest progress line,
 * which also says `success: true` — that one is not an end (reference §6, UNCERTAIN both ways).
 */
export function isTaskFinished(task: Task): boolean {
  if (task.finished_at !== undefined && task.finished_at !== null) return true;
  if (task.state === 'finished' || task.state === 'failed') return true;
  const r = task.response;
  if (!r || typeof r.success !== 'boolean') return false;
  if (r.success === false) return true;
  return r.progress === 100 || (r.actions?.length ?? 0) > 0;
}
