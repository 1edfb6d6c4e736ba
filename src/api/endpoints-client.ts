/**
 * Client calls for the one-shot endpoints (reference other-endpoints §3–§6): describe, seed,
 * translate and shorten. Each is one JSON POST and one JSON answer, validated at the boundary;
 * edits shares imagine's reader (`imagine(…, { path: EDITS_PATH })`). Failures are `ApiError`s
 * with the provider's code and message word for word, and never the token.
 */
import { t } from '@lingui/core/macro';
import type { z } from 'zod/mini';
import type { ClientConfig } from './client';
import { post, readJson, redact, validate, isObject } from './client-http';
import {
  describeResponseSchema,
  seedResponseSchema,
  shortenResponseSchema,
  translateResponseSchema,
} from './contract-endpoints';
import { DESCRIBE_PATH, SEED_PATH, SHORTEN_PATH, TRANSLATE_PATH } from './endpoint-paths';
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
  const message =
    typeof error?.message === 'string' && error.message
      ? error.message
      : code
        ? t`The service could not do it (${code}).`
        : t`The service could not do it.`;
  return new ApiError('task', message, {
    status,
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
    return validate(schema, json, 'The reply');
  } catch (err) {
    throw redact(toApiError(err, signal), config.token);
  }
}

/**
 * Four prompts for the image at `imageUrl`. Empty strings (which Nexior skips) are dropped;
 * `success`/`task_id` may or may not come along (UNCERTAIN) and are ignored.
 */
export async function describeImage(
  config: ClientConfig,
  imageUrl: string,
  signal?: AbortSignal,
): Promise<string[]> {
  const body = { image_url: imageUrl };
  const r = await callEndpoint(
    config,
    DESCRIBE_PATH,
    body,
    describeResponseSchema,
    'descriptions',
    signal,
  );
  const prompts = r.descriptions.map((d) => d.trim()).filter(Boolean);
  if (prompts.length === 0) throw new ApiError('invalid', t`The service described nothing.`);
  return prompts;
}

/** The seed a grid was drawn with, as decimal digits (a string per the spec, or a number). */
export async function getSeed(
  config: ClientConfig,
  imageId: string,
  signal?: AbortSignal,
): Promise<string> {
  const body = { image_id: imageId };
  return (await callEndpoint(config, SEED_PATH, body, seedResponseSchema, 'seed', signal)).seed;
}

/** `content` in English (the service takes Chinese; anything it does not know comes back as is). */
export async function translateText(
  config: ClientConfig,
  content: string,
  signal?: AbortSignal,
): Promise<string> {
  const body = { content };
  const r = await callEndpoint(
    config,
    TRANSLATE_PATH,
    body,
    translateResponseSchema,
    'content',
    signal,
  );
  return r.content;
}

/** Up to five shorter prompts for `prompt`; blank candidates are dropped. */
export async function shortenPrompt(
  config: ClientConfig,
  prompt: string,
  signal?: AbortSignal,
): Promise<string[]> {
  const body = { prompt };
  const r = await callEndpoint(
    config,
    SHORTEN_PATH,
    body,
    shortenResponseSchema,
    'prompts',
    signal,
  );
  return r.prompts.map((p) => p.trim()).filter(Boolean);
}
