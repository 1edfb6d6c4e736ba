/**
 * The client's HTTP plumbing: one POST with the token in its header, bodies read as JSON (or as
 * JSON lines), and every reply checked against its schema. Failures are `ApiError`s.
 */
import { apiMsg } from './api-codes';
import type { Msg } from './message';
import type { z } from 'zod/mini';
import type { ClientConfig } from './client-config';
import { ApiError, toApiError } from './errors';
import { readNdjson } from './ndjson';

function endpoint(config: ClientConfig, path: string): string {
  return `${config.baseUrl.replace(/\/+$/, '')}${path}`;
}

function headers(config: ClientConfig, accept: string): Record<string, string> {
  const h: Record<string, string> = { 'content-type': 'application/json', accept };
  const token = config.token?.trim();
  if (token) h.authorization = /^bearer\s/i.test(token) ? token : `Bearer ${token}`;
  return h;
}

/** `reason` with the token starred out of its params (a quoted line, a server's text). */
function redactMsg(reason: Msg, t: string): Msg {
  if (!reason.params) return reason;
  const params: Record<string, string | number | Msg> = {};
  for (const [k, v] of Object.entries(reason.params)) {
    params[k] =
      typeof v === 'string' ? v.split(t).join('***') : typeof v === 'number' ? v : redactMsg(v, t);
  }
  return { code: reason.code, params };
}

/** Keeps the token out of anything a person or a log may see, should a server echo it. */
export function redact(err: ApiError, token: string | undefined): ApiError {
  const t = token?.trim();
  if (!t || t.length < 4) return err;
  const reason = err.reason && redactMsg(err.reason, t);
  if (err.message.includes(t) || JSON.stringify(reason) !== JSON.stringify(err.reason)) {
    const clean = new ApiError(err.kind, err.message.split(t).join('***'), {
      status: err.status,
      code: err.code,
      traceId: err.traceId,
      taskId: err.taskId,
      retryAfterMs: err.retryAfterMs,
      ...(reason ? { reason } : {}),
    });
    return clean;
  }
  return err;
}

export async function post(
  config: ClientConfig,
  path: string,
  body: unknown,
  accept: string,
  signal: AbortSignal | undefined,
): Promise<Response> {
  const init: RequestInit = {
    method: 'POST',
    headers: headers(config, accept),
    body: JSON.stringify(body),
    ...(signal ? { signal } : {}),
  };
  try {
    // Called directly (not via a detached reference) so browsers never see an unbound fetch.
    return config.fetch
      ? await config.fetch(endpoint(config, path), init)
      : await fetch(endpoint(config, path), init);
  } catch (err) {
    throw toApiError(err, signal);
  }
}

/** The whole body as text; a failed read becomes `network`/`aborted`. */
async function readText(res: Response, signal: AbortSignal | undefined): Promise<string> {
  try {
    return await res.text();
  } catch (err) {
    throw toApiError(err, signal);
  }
}

function notJson(res: Response, text: string, cause: unknown): ApiError {
  const snippet = text.trim().slice(0, 120);
  return new ApiError('invalid', `The server's reply is not JSON: ${snippet}`, {
    status: res.status,
    reason: apiMsg('api.not-json', { snippet }),
    cause,
  });
}

/** The whole body as JSON; an empty body is `undefined`; anything else unparsable is `invalid`. */
export async function readJson(res: Response, signal: AbortSignal | undefined): Promise<unknown> {
  const text = await readText(res, signal);
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw notJson(res, text, cause);
  }
}

/**
 * A reply read in one go as a list of JSON values: one (pretty-printed or not) body, or, when it
 * is NDJSON labelled as plain JSON (the stream's Content-Type is undocumented), one per line.
 */
export async function readJsonValues(
  res: Response,
  signal: AbortSignal | undefined,
): Promise<unknown[]> {
  const text = await readText(res, signal);
  if (!text.trim()) return [];
  try {
    return [JSON.parse(text)];
  } catch (cause) {
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    if (lines.length < 2) throw notJson(res, text, cause);
    return lines.map((l) => {
      try {
        return JSON.parse(l) as unknown;
      } catch {
        throw notJson(res, text, cause);
      }
    });
  }
}

/** A reply's JSON values, each with the label an error about it names it by. */
export interface ReplyValues {
  values: AsyncIterable<unknown> | readonly unknown[];
  label: (n: number) => Msg;
}

/**
 * The values of a call's reply as they come: NDJSON read line by line as it arrives (also a reply
 * with no Content-Type when `untypedIsStream`: the stream's type is undocumented), anything else
 * read whole (one body, or NDJSON lines). A stream without a body and an empty reply are errors.
 */
export async function replyValues(
  res: Response,
  signal: AbortSignal | undefined,
  untypedIsStream: boolean,
): Promise<ReplyValues> {
  const type = (res.headers.get('content-type') ?? '').toLowerCase();
  if (type.includes('ndjson') || (!type && untypedIsStream)) {
    if (!res.body) {
      throw new ApiError('invalid', 'The server sent a stream without a body.', {
        reason: apiMsg('api.no-body'),
      });
    }
    return {
      values: readNdjson(res.body, signal),
      label: (n) => apiMsg('api.stream-line', { line: n }),
    };
  }
  const values = await readJsonValues(res, signal);
  if (values.length === 0) {
    throw new ApiError('invalid', 'The server sent an empty reply.', {
      status: res.status,
      reason: apiMsg('api.empty-reply'),
    });
  }
  return {
    values,
    label: (n) =>
      values.length > 1 ? apiMsg('api.reply-line', { line: n }) : apiMsg('api.the-reply'),
  };
}

function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.join('.') : '(body)'}: ${i.message}`)
    .join('; ');
}

/**
 * `value` checked against `schema`; a mismatch is `invalid`, its reason saying what broke the
 * contract (`what`: "The task", "Line 2 of the reply") and the first issues, zod's words, as data.
 */
export function validate<T extends z.ZodMiniType>(
  schema: T,
  value: unknown,
  what: Msg,
): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = describeIssues(parsed.error);
    // The code, for logs; the words are chosen where the reason is shown.
    throw new ApiError('invalid', `${what.code} does not match the contract (${issues})`, {
      cause: parsed.error,
      reason: apiMsg('api.mismatch', { what, issues }),
    });
  }
  return parsed.data;
}

export function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
