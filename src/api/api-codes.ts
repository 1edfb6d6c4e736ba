/**
 * The codes of the transport's own messages (`ApiError.reason`). Producers import these only, no
 * words: the engine and the service worker share this layer. Words: `api-words.ts`.
 */
import { message, type Msg } from './message';

/** Every message code of the API layer. */
export type ApiCode =
  | 'api.cancelled'
  | 'api.timeout'
  | 'api.unreachable'
  | 'api.failed'
  | 'api.http'
  | 'api.http-reason'
  | 'api.http-text'
  | 'api.task-failed'
  | 'api.task-failed-code'
  | 'api.stream-cut'
  | 'api.stream-cut-at'
  | 'api.stream-ended'
  | 'api.stream-ended-at'
  | 'api.no-body'
  | 'api.empty-reply'
  | 'api.not-json'
  | 'api.service-failed'
  | 'api.service-failed-code'
  | 'api.refused-url'
  | 'api.mismatch'
  | 'api.the-reply'
  | 'api.reply-line'
  | 'api.stream-line'
  | 'api.the-task'
  | 'api.the-task-list'
  | 'api.line-too-long'
  | 'api.line-not-json'
  | ProviderCodeStandIn;

/**
 * Stand-ins for a provider `error.code` whose body carries no message (`error-response.ts`): the
 * code's own message where reference §7 quotes it, else a plain description of its meaning.
 */
export type ProviderCodeStandIn =
  | 'api.code.bad_request'
  | 'api.code.no_token'
  | 'api.code.token_mismatched'
  | 'api.code.api_not_implemented'
  | 'api.code.invalid_token'
  | 'api.code.token_expired'
  | 'api.code.used_up'
  | 'api.code.disabled'
  | 'api.code.no_api'
  | 'api.code.too_many_requests'
  | 'api.code.api_error'
  | 'api.code.timeout';

/** A message of the API layer. */
export function apiMsg(
  code: ApiCode,
  params?: Record<string, string | number | Msg | undefined>,
): Msg {
  return message(code, params);
}
