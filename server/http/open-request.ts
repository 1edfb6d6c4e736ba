/**
 * The opening every API route shares: an armed HTTP fault answers first, then the JSON body is
 * read and checked with the contract's schema, the trace id picked, and the common fields
 * (`callback_url`, the prompt's length) held to the engine's rules. What is left to a route is
 * what only it knows.
 */
import type { EngineContext } from '../engine/context';
import type { FaultPlan } from '../engine/faults';
import { MAX_PROMPT_CHARS } from '../../src/api/prompt-syntax';
import { readJsonObject } from './body';
import { errorResponse } from './responses';

/** A request schema of an endpoint's contract (zod/mini), as far as a route needs it. */
export interface Parser<T> {
  safeParse(
    value: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: readonly Issue[] } };
}
interface Issue {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
}

/** The first thing the schema found wrong with a body. */
export interface BodyIssue {
  /** The field's dotted path, or `body`. */
  field: string;
  /** The schema's own words (or "bad value"). */
  message: string;
  /** Whether the field was absent, null or empty. */
  missing: boolean;
}

/** What a route holds its request to, beyond the contract's schema. */
export interface OpenOptions {
  /** The prompt-like field held to `MAX_PROMPT_CHARS`, and how its refusal names it (default: its name). */
  prompt?: { field: string; named?: string };
  /** Whether the request may carry a `callback_url` (then it must be http(s)). */
  callback?: boolean;
  /** How a schema issue is worded; by default "`<field>` is required" or "Invalid `<field>`: …". */
  wordIssue?: (issue: BodyIssue) => string;
}

/** An opened request: the fault it carries, its data, raw body, trace id and its 400 maker. */
export type Opened<T> =
  | { ok: false; response: Response }
  | {
      ok: true;
      fault: FaultPlan | null;
      data: T;
      raw: Record<string, unknown>;
      traceId: string;
      bad: (message: string) => Response;
    };

/** The default wording: a missing field as imagine words a missing prompt. */
function requiredOrInvalid(issue: BodyIssue): string {
  return issue.missing
    ? `${issue.field} is required`
    : `Invalid \`${issue.field}\`: ${issue.message}`;
}

/** Whether a `callback_url` can be posted to. */
export function validCallback(url: string | null | undefined): boolean {
  return url === undefined || url === null || /^https?:\/\/\S+$/i.test(url);
}

/** The refusal of a prompt-like text over `MAX_PROMPT_CHARS`, if it is. */
function tooLong(named: string, text: unknown): string | undefined {
  if (typeof text !== 'string' || text.length <= MAX_PROMPT_CHARS) return undefined;
  return `${named} is ${text.length} characters long; the limit is ${MAX_PROMPT_CHARS}. Shorten it.`;
}

/** Open one API request (auth already checked): see the file's comment for the order. */
export async function openRequest<T>(
  ctx: EngineContext,
  req: Request,
  headerTrace: string,
  schema: Parser<T>,
  options: OpenOptions = {},
): Promise<Opened<T>> {
  const fault = ctx.faults.take();
  if (fault?.error) {
    const { code, message, status } = fault.error;
    return { ok: false, response: errorResponse(code, message, headerTrace, status) };
  }
  const read = await readJsonObject(req);
  if (!read.ok) return { ok: false, response: errorResponse(read.code, read.message, headerTrace) };
  const raw = read.value;
  const traceId = typeof raw.trace_id === 'string' && raw.trace_id ? raw.trace_id : headerTrace;
  const bad = (message: string): Response => errorResponse('bad_request', message, traceId);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const value = issue?.path.length === 1 ? raw[String(issue.path[0])] : undefined;
    const word = options.wordIssue ?? requiredOrInvalid;
    const message = word({
      field: issue?.path.map(String).join('.') || 'body',
      message: issue?.message ?? 'bad value',
      missing: value === undefined || value === null || value === '',
    });
    return { ok: false, response: bad(message) };
  }
  const data = parsed.data;
  const fields = data as Record<string, unknown>;
  const { prompt } = options;
  const long = prompt && tooLong(prompt.named ?? prompt.field, fields[prompt.field]);
  if (long) return { ok: false, response: bad(long) };
  if (options.callback && !validCallback(fields.callback_url as string | null | undefined))
    return { ok: false, response: bad('callback_url must be an http(s) URL') };
  return { ok: true, fault, data, raw, traceId, bad };
}
