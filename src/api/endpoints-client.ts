/**
 * The one-shot call the endpoints that only wait share (reference other-endpoints §3–§6:
 * describe, seed, translate, shorten): one JSON POST and one JSON answer, validated at the
 * boundary with the endpoint's own schema (each kind's contract names its path and schema).
 * Failures are `ApiError`s with the provider's code and message word for word, and never the token.
 */
import { apiMsg } from './api-codes';
import type { z } from 'zod/mini';
import type { ClientConfig } from './client-config';
import { post, readJson, redact, validate, isObject } from './client-http';
import { errorFromResponse } from './error-response';
import { ApiError, toApiError } from './errors';

/**
 * A 200 body that is a failure: `success: false`, or an `error` without the answer's field
 * (Nexior's failed describe is `{ error: { message } }` with no `success` — §3.4, UNCERTAIN).
 */
function failureIn(json: unknown, field: string, status: number): ApiError | undefined {
  if (!isObject(json)) return undefined;
  const error = isObject(json.error) ? json.error : undefined;
  if (json.success !== false && !(error && json[field] === undefined)) return undefined;
  const code = typeof error?.code === 'string' ? error.code : undefined;
  const said = typeof error?.message === 'string' && error.message ? error.message : undefined;
  const english = code ? `The service could not do it (${code}).` : 'The service could not do it.';
  return new ApiError('task', said ?? english, {
    status,
    ...(said
      ? {}
      : {
          reason: code ? apiMsg('api.service-failed-code', { code }) : apiMsg('api.service-failed'),
        }),
    ...(code ? { code } : {}),
    ...(typeof json.trace_id === 'string' ? { traceId: json.trace_id } : {}),
  });
}

/**
 * POSTs `body` to `path` and returns the answer as `schema` reads it. `field` names the answer's
 * own field, so an error body without it is a failure rather than a malformed success.
 * Throws `ApiError`.
 */
export async function callEndpoint<T extends z.ZodMiniType>(
  config: ClientConfig,
  path: string,
  body: Record<string, unknown>,
  schema: T,
  field: string,
  signal?: AbortSignal,
): Promise<z.output<T>> {
  try {
    const res = await post(config, path, body, 'application/json', signal);
    if (!res.ok) throw await errorFromResponse(res);
    const json = await readJson(res, signal);
    const failure = failureIn(json, field, res.status);
    if (failure) throw failure;
    return validate(schema, json, apiMsg('api.the-reply'));
  } catch (err) {
    throw redact(toApiError(err, signal), config.token);
  }
}
