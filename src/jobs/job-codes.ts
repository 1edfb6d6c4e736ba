/**
 * The codes of the jobs layer's own messages (a job's note, a studio-made failure). Records keep
 * these, never the sentence; words: `job-words.ts`, loaded only where they are shown.
 */
import { message, type Msg } from '../api/message';

/** Every message code of the jobs layer. */
export type JobCode =
  | 'job.unknown-task'
  | 'job.never-arrived'
  | 'job.no-lookup'
  | 'job.cancelled-after-send'
  | 'job.cancelled-before-send'
  | 'job.dropped-fields'
  | 'job.check-failed'
  | 'job.no-record'
  | 'job.imported-running'
  | 'job.reply-not-json'
  | 'job.reply-mismatch'
  | 'job.legacy-note'
  | 'job.bug';

/** A message of the jobs layer. */
export function jobMsg(
  code: JobCode,
  params?: Record<string, string | number | Msg | undefined>,
): Msg {
  return message(code, params);
}
