/**
 * What the endpoints share: parsing a body by its contract, task records, the prompt limit, an
 * injected HTTP error, and answering a started job the way it asked (deliveries).
 */
import { randomUUID } from 'node:crypto';
import { attachCallbacks, asyncReply } from './deliver/deliver-callback';
import { NDJSON, streamResponse } from './deliver/deliver-stream';
import { waitResponse } from './deliver/deliver-wait';
import type { EngineContext } from '../engine/context';
import type { FaultPlan } from '../engine/faults';
import type { Job } from '../engine/job';
import type { TaskRecord, TaskType } from '../engine/task-store';
import { errorResponse, json, readJsonObject } from './http-util';
import { MAX_PROMPT_CHARS } from '../../src/api/prompt-syntax';

// The longest prompt taken: one figure with the studio's prompt check (see prompt-syntax).
export { MAX_PROMPT_CHARS };

const TOKEN_KEYS = /^(token|authorization|api[_-]?key|access[_-]?token)$/i;

/** A request schema of an endpoint's contract (zod/mini), as far as a route needs it. */
interface Parser<T> {
  safeParse(
    value: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: readonly Issue[] } };
}
interface Issue {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
}

/** A parsed request: its data, raw object and trace id; or the 400 to answer. */
export type Parsed<T> =
  | { ok: true; data: T; raw: Record<string, unknown>; traceId: string }
  | { ok: false; response: Response };

/**
 * Read the JSON body and check it with the contract's schema. A missing or empty required field
 * is answered `bad_request` "`<field>` is required", as imagine answers a missing prompt.
 */
export async function parseBody<T>(
  req: Request,
  schema: Parser<T>,
  headerTrace: string,
): Promise<Parsed<T>> {
  const read = await readJsonObject(req);
  if (!read.ok) return { ok: false, response: errorResponse(read.code, read.message, headerTrace) };
  const raw = read.value;
  const traceId = typeof raw.trace_id === 'string' && raw.trace_id ? raw.trace_id : headerTrace;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data, raw, traceId };
  const issue = parsed.error.issues[0];
  const field = issue?.path.map(String).join('.') || 'body';
  const value = issue?.path.length === 1 ? raw[String(issue.path[0])] : undefined;
  const message =
    value === undefined || value === null || value === ''
      ? `${field} is required`
      : `Invalid \`${field}\`: ${issue?.message ?? 'bad value'}`;
  return { ok: false, response: errorResponse('bad_request', message, traceId) };
}

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

/** Whether a `callback_url` can be posted to. */
export function validCallback(url: string | null | undefined): boolean {
  return url === undefined || url === null || /^https?:\/\/\S+$/i.test(url);
}

/** How a started job is answered: at once (async/callback), as a stream, or when it ends. */
export interface Delivery {
  async?: boolean | null;
  callbackUrl?: string | null;
  /** Seconds a waiting reply waits before `timeout` (the job carries on). */
  timeoutS: number;
  /** Whether an NDJSON accept gets the job's lines (false: one JSON object, as videos §10.3). */
  streams: boolean;
}

/** Answer a started job the way imagine does. */
export function deliver(
  ctx: EngineContext,
  req: Request,
  job: Job,
  fault: FaultPlan | null,
  how: Delivery,
): Response | Promise<Response> {
  const ndjson = (req.headers.get('accept') ?? '').toLowerCase().includes(NDJSON);
  if (how.async === true || how.callbackUrl) {
    if (how.callbackUrl) attachCallbacks(ctx, job, how.callbackUrl, ndjson && how.streams);
    return json(asyncReply(job));
  }
  if (ndjson && how.streams) return streamResponse(ctx, job, fault);
  return waitResponse(job, fault, how.timeoutS);
}

/** An injected HTTP error for this request, if one is armed (other fault kinds do not apply). */
export function injectedError(ctx: EngineContext, trace: string): Response | undefined {
  const fault = ctx.faults.take();
  if (!fault?.error) return undefined;
  return errorResponse(fault.error.code, fault.error.message, trace, fault.error.status);
}

/** The 400 for a prompt field over `MAX_PROMPT_CHARS`, if it is. */
export function tooLong(field: string, text: string, traceId: string): Response | undefined {
  if (text.length <= MAX_PROMPT_CHARS) return undefined;
  return errorResponse(
    'bad_request',
    `${field} is ${text.length} characters long; the limit is ${MAX_PROMPT_CHARS}. Shorten it.`,
    traceId,
  );
}
