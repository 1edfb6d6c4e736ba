/**
 * The words of the API layer's codes (`api-codes.ts`), each today's English sentence, so its
 * translation carries over.
 */
import { msg } from '@lingui/core/macro';
import type { ApiCode, ProviderCodeStandIn } from './api-codes';
import type { Words } from './words';

/** Stand-ins for a provider code whose body said nothing (English as reference §7 has it). */
const codeStandIns = {
  'api.code.bad_request': () => msg`The json payload is not valid to request the API`,
  'api.code.no_token': () => msg`No API token was sent (the authorization header is missing).`,
  'api.code.token_mismatched': () => msg`The specified token is not matched with API.`,
  'api.code.api_not_implemented': () => msg`The API is not implemented.`,
  'api.code.invalid_token': () => msg`The specified token is invalid or wrong.`,
  'api.code.token_expired': () => msg`The API token has expired.`,
  'api.code.used_up': () =>
    msg`Your balance is not sufficient for current request, please buy more in Ace Data Cloud https://platform.acedata.cloud`,
  'api.code.disabled': () => msg`The credential or application is disabled.`,
  'api.code.no_api': () => msg`The API path is not registered.`,
  'api.code.too_many_requests': () => msg`You have exceeded the rate limit.`,
  'api.code.api_error': () => msg`Internal server error.`,
  'api.code.timeout': () => msg`Timeout to generate the image.`,
} satisfies Record<ProviderCodeStandIn, Words>;

/** Words of every API code. */
export const apiWords = {
  'api.cancelled': () => msg`The request was cancelled.`,
  'api.timeout': () => msg`The request timed out.`,
  // The browser's own error text and the cause's code stay as they are: they are what to search.
  'api.unreachable': ({ detail = '' }) => msg`Could not reach the server: ${detail}`,
  'api.failed': () => msg`The request failed.`,
  'api.http': ({ status = '' }) => msg`HTTP ${status} from the server`,
  'api.http-reason': ({ status = '', reason = '' }) =>
    msg`HTTP ${status} ${reason} from the server`,
  // A short plain-text body after the status line ("upstream connect error"): data.
  'api.http-text': ({ head = '', text = '' }) => msg`${head}: ${text}`,
  'api.task-failed': () => msg`The task failed.`,
  'api.task-failed-code': ({ code = '' }) => msg`The task failed (${code}).`,
  'api.stream-cut': () => msg`The stream was cut off before the image was finished`,
  'api.stream-cut-at': ({ progress = '' }) =>
    msg`The stream was cut off at ${progress}% before the image was finished`,
  'api.stream-ended': () => msg`The stream ended before the image was finished`,
  'api.stream-ended-at': ({ progress = '' }) =>
    msg`The stream ended at ${progress}% before the image was finished`,
  'api.no-body': () => msg`The server sent a stream without a body.`,
  'api.empty-reply': () => msg`The server sent an empty reply.`,
  'api.not-json': ({ snippet = '' }) => msg`The server's reply is not JSON: ${snippet}`,
  'api.service-failed': () => msg`The service could not do it.`,
  'api.service-failed-code': ({ code = '' }) => msg`The service could not do it (${code}).`,
  'api.refused-url': () =>
    msg`A picture link was refused: only http(s), blob: and data:image links are shown.`,
  // A reply that breaks the contract: what it was ("The task"), and the first issues (data).
  'api.mismatch': ({ what = '', issues = '' }) =>
    msg`${what} does not match the contract (${issues})`,
  'api.the-reply': () => msg`The reply`,
  'api.reply-line': ({ line = '' }) => msg`Line ${line} of the reply`,
  'api.stream-line': ({ line = '' }) => msg`Stream line ${line}`,
  'api.the-task': () => msg`The task`,
  'api.the-task-list': () => msg`The task list`,
  'api.line-too-long': ({ line = '', max = '' }) =>
    msg`Line ${line} of the stream is longer than ${max} characters: not an imagine line.`,
  // The bad line, quoted (data).
  'api.line-not-json': ({ line = '', text = '' }) =>
    msg`Line ${line} of the stream is not valid JSON: ${text}`,
  ...codeStandIns,
} satisfies Record<ApiCode, Words>;
