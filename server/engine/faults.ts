/**
 * Faults the local engine can be told to inject (`POST /__engine/faults`), for demos and tests of
 * the studio's recovery paths: an HTTP error instead of a task, a stream cut at some progress, a
 * job that stalls, a malformed NDJSON line. Rules queue up; each imagine request takes one use of
 * the oldest rule.
 *
 * A fault never reaches inside a job: it is a wrapper around a stream of lines. `stallAfterFirst`
 * wraps the lines a job produces (so the job itself stops); `withFaults` wraps the lines one
 * delivery reads (so only that connection is cut or garbled, and the job carries on).
 */
import { ERROR_STATUS } from '../../src/api/contract';
import type { JobEvent } from './job';

/** One armed rule, as posted (snake_case like the rest of the HTTP surface). */
export interface FaultRule {
  /** Imagine requests still to be hit. */
  count: number;
  /** Cut the stream connection once progress reaches this percent (the job carries on). */
  drop_at?: number;
  /** Answer with this HTTP status and no task. */
  status?: number;
  code?: string;
  message?: string;
  /** The job stops after its first progress line and never finishes. */
  stall?: boolean;
  /** One malformed line (`{"progress": 5`) goes out mid-stream. */
  malformed?: boolean;
}

/** What one imagine request suffers. */
export interface FaultPlan {
  error?: { status: number; code: string; message: string };
  dropAt?: number;
  stall?: boolean;
  malformed?: boolean;
}

const DEFAULT_MESSAGES: Readonly<Record<string, string>> = {
  bad_request: 'The json payload is not valid to request the API',
  used_up:
    'Your balance is not sufficient for current request, please buy more in Ace Data Cloud https://platform.acedata.cloud',
  forbidden: 'Sorry! Our Al moderators feel your prompt might be against our community standards.',
  too_many_requests: 'You have exceeded the rate limit.',
  api_error: 'Internal server error.',
  timeout: 'Timeout to generate the image.',
};

function codeForStatus(status: number): string {
  const known = Object.entries(ERROR_STATUS).find(([, s]) => s === status);
  if (status === 500) return 'api_error';
  if (status === 400) return 'bad_request';
  if (status === 403) return 'forbidden';
  return known ? known[0] : status >= 500 ? 'api_error' : 'bad_request';
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const wholeIn = (v: unknown, min: number, max: number): v is number =>
  Number.isInteger(v) && (v as number) >= min && (v as number) <= max;

/** Read a posted rule; a string is the reason it is not acceptable. */
export function parseFaultRule(body: unknown): FaultRule | string {
  if (!isObject(body)) return 'The fault must be a JSON object';
  const rule: FaultRule = { count: 1 };
  if (body.count !== undefined) {
    if (!wholeIn(body.count, 1, 10_000)) return '`count` must be a whole number from 1 to 10000';
    rule.count = body.count;
  }
  if (body.drop_at !== undefined) {
    if (typeof body.drop_at !== 'number' || body.drop_at < 0 || body.drop_at > 100)
      return '`drop_at` must be a percentage from 0 to 100';
    rule.drop_at = body.drop_at;
  }
  if (body.status !== undefined) {
    if (!wholeIn(body.status, 400, 599)) return '`status` must be an HTTP error status (400–599)';
    rule.status = body.status;
  }
  for (const key of ['code', 'message'] as const) {
    if (body[key] !== undefined) {
      if (typeof body[key] !== 'string' || !body[key])
        return `\`${key}\` must be a non-empty string`;
      rule[key] = body[key];
    }
  }
  for (const key of ['stall', 'malformed'] as const) {
    if (body[key] !== undefined) {
      if (typeof body[key] !== 'boolean') return `\`${key}\` must be a boolean`;
      rule[key] = body[key];
    }
  }
  if (rule.code !== undefined && rule.status === undefined)
    rule.status = ERROR_STATUS[rule.code] ?? 500;
  if (rule.status === undefined && rule.drop_at === undefined && !rule.stall && !rule.malformed)
    return 'The fault needs at least one of `status`, `code`, `drop_at`, `stall`, `malformed`';
  return rule;
}

/** The queue of armed rules. */
export class FaultQueue {
  private rules: FaultRule[] = [];

  add(rule: FaultRule): void {
    this.rules.push({ ...rule });
  }

  clear(): void {
    this.rules = [];
  }

  /** The armed rules, oldest first (copies). */
  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  /** Use up one hit of the oldest rule and say what it does to this request (null: nothing). */
  take(): FaultPlan | null {
    const rule = this.rules[0];
    if (!rule) return null;
    rule.count -= 1;
    if (rule.count <= 0) this.rules.shift();
    if (rule.status !== undefined) {
      const code = rule.code ?? codeForStatus(rule.status);
      const message = rule.message ?? DEFAULT_MESSAGES[code] ?? `Injected fault (${rule.status}).`;
      return { error: { status: rule.status, code, message } };
    }
    const plan: FaultPlan = {};
    if (rule.drop_at !== undefined) plan.dropAt = rule.drop_at;
    if (rule.stall) plan.stall = true;
    if (rule.malformed) plan.malformed = true;
    return plan;
  }
}

/** The error a delivery sees when its connection is cut on purpose. */
export class InjectedDrop extends Error {
  constructor() {
    super('Connection dropped (injected fault)');
  }
}

/** What a faulty delivery reads: the job's events, plus raw text that is not valid JSON. */
export type Delivered = JobEvent | { kind: 'raw'; text: string };

/**
 * One delivery's view of a job's events under a plan: cut (throws `InjectedDrop`) once progress
 * reaches `dropAt` (a failure end is never cut), and one malformed line after the first.
 */
export async function* withFaults(
  events: AsyncIterable<JobEvent>,
  plan: FaultPlan | null,
): AsyncGenerator<Delivered, void> {
  let lines = 0;
  for await (const event of events) {
    const progress = event.body.progress;
    const cuttable = event.kind === 'line' || event.body.success === true;
    if (
      plan?.dropAt !== undefined &&
      cuttable &&
      typeof progress === 'number' &&
      progress >= plan.dropAt
    )
      throw new InjectedDrop();
    yield event;
    if (event.kind === 'line') lines += 1;
    if (plan?.malformed && event.kind === 'line' && lines === 1)
      yield { kind: 'raw', text: '{"progress": 5' };
  }
}

/**
 * The lines a job produces, stopped after the first until `released` (the engine closing): the
 * job sits as a stalled job would, then carries on (and finds the engine closed).
 */
export async function* stallAfterFirst<T, R>(
  lines: AsyncGenerator<T, R>,
  onStall: () => void,
  released: Promise<void>,
): AsyncGenerator<T, R> {
  const first = await lines.next();
  if (first.done === true) return first.value;
  yield first.value;
  onStall();
  await released;
  return yield* lines;
}
