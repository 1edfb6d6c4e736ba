/**
 * The states of a job, as the browser's job machine names them (DESIGN.md "Jobs") and the
 * server's library stores them: one list for both sides, so a state added to one is in the other.
 */
export const JOB_STATUSES = [
  'queued',
  'running',
  'done',
  'failed',
  'stalled',
  'cancelled',
] as const;
