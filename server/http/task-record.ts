/** The task record a started request is kept as, and the request it echoes back. */
import { randomUUID } from 'node:crypto';
import type { EngineContext } from '../engine/context';
import type { TaskRecord, TaskType } from '../engine/task-store';

const TOKEN_KEYS = /^(token|authorization|api[_-]?key|access[_-]?token)$/i;

/** The request as a task keeps it: every field but anything that looks like a token. */
export function echoOf(raw: Record<string, unknown>): Record<string, unknown> {
  const echo: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) if (!TOKEN_KEYS.test(key)) echo[key] = value;
  return echo;
}

/** A new pending task record of `type` for this request. */
export function newTask(
  ctx: EngineContext,
  type: TaskType,
  raw: Record<string, unknown>,
  traceId: string,
): TaskRecord {
  const echo = echoOf(raw);
  return {
    requestBytes: JSON.stringify(echo).length,
    id: randomUUID(),
    trace_id: traceId,
    type,
    created_at: ctx.now() / 1000,
    request: echo,
    state: 'pending',
    attachments: new Set(),
    images: new Set(),
  };
}
