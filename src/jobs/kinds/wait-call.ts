/**
 * One JSON request and one JSON answer, for kinds that only wait (describe, seed, shorten,
 * translate). Errors are `ApiError`s as the imagine client makes them; the token stays in the
 * header and out of any message.
 */
import type { z } from 'zod/mini';
import type { ClientConfig } from '../../api/client';
import { errorFromResponse } from '../../api/error-response';
import { ApiError, toApiError } from '../../api/errors';
import type { KindEvent, KindResponse } from './kind';

function redact(err: ApiError, token: string | undefined): ApiError {
  const t = token?.trim();
  if (!t || t.length < 4 || !err.message.includes(t)) return err;
  return new ApiError(err.kind, err.message.split(t).join('***'), {
    ...(err.status === undefined ? {} : { status: err.status }),
    ...(err.code ? { code: err.code } : {}),
  });
}

/** POSTs `body` to `path` and yields the validated answer as `done`. Throws `ApiError`. */
export async function* waitCall(
  client: ClientConfig,
  path: string,
  body: KindResponse,
  schema: z.ZodMiniType<KindResponse>,
  signal: AbortSignal,
): AsyncGenerator<KindEvent> {
  const token = client.token?.trim();
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json',
  };
  if (token) headers.authorization = /^bearer\s/i.test(token) ? token : `Bearer ${token}`;
  const url = `${client.baseUrl.replace(/\/+$/, '')}${path}`;
  const init: RequestInit = { method: 'POST', headers, body: JSON.stringify(body), signal };
  let json: unknown;
  try {
    const res = client.fetch ? await client.fetch(url, init) : await fetch(url, init);
    if (!res.ok) throw await errorFromResponse(res);
    json = await res.json().catch(() => {
      throw new ApiError('invalid', 'The reply is not JSON.', { status: res.status });
    });
  } catch (err) {
    throw redact(toApiError(err, signal), token);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ApiError('invalid', 'The reply does not match the contract.');
  yield { type: 'done', response: parsed.data };
}
