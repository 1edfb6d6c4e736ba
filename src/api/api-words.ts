/**
 * The words of the API layer's codes (`api-codes.ts`), each today's English sentence, so its
 * translation carries over.
 */
import { msg } from '@lingui/core/macro';
import type { ApiCode } from './api-codes';
import type { Words } from './words';

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
} satisfies Record<ApiCode, Words>;
