/**
 * The words of the jobs layer's codes (`job-codes.ts`), each today's English sentence, so its
 * translation carries over.
 */
import { msg } from '@lingui/core/macro';
import type { Words } from '../api/words';
import type { JobCode } from './job-codes';

/** Words of every jobs code. */
export const jobWords = {
  'job.unknown-task': () =>
    msg`The service no longer knows this task (it may have restarted). Retry to generate again.`,
  'job.never-arrived': () =>
    msg`The service has no record of this request; it probably never arrived. Retry to send it again.`,
  'job.no-lookup': () =>
    msg`The answer was lost and this kind of request cannot be looked up. Retry to send it again.`,
  'job.cancelled-after-send': () =>
    msg`Cancelled here. The service may still finish this task (and charge for it); use Check again to fetch the result.`,
  'job.cancelled-before-send': () => msg`Cancelled before it was sent; nothing was charged.`,
  'job.dropped-fields': ({ fields = '' }) =>
    msg`Left out of the request (unknown or not allowed): ${fields}.`,
  'job.check-failed': ({ reason = '' }) => msg`Could not check: ${reason}`,
  'job.no-record': () => msg`The service has no record of this task.`,
  'job.imported-running': () =>
    msg`Imported while it was still in progress; use Check again to look it up.`,
  // Made by studios before this one (text kinds' answers); kept for what they stored.
  'job.reply-not-json': () => msg`The reply is not JSON.`,
  'job.reply-mismatch': () => msg`The reply does not match the contract.`,
  // A note of an older studio that is none of the above: its words, as they were stored.
  'job.legacy-note': ({ text = '' }) => String(text),
  // The studio failed on its own (a bug); what was thrown is data, for a bug report.
  'job.bug': ({ error = '' }) => msg`The studio failed on this job: ${error}`,
} satisfies Record<JobCode, Words>;
