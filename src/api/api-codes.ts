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
  | 'api.refused-url';

/** A message of the API layer. */
export function apiMsg(
  code: ApiCode,
  params?: Record<string, string | number | Msg | undefined>,
): Msg {
  return message(code, params);
}
