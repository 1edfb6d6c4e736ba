import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import type { Job } from '../../jobs/job';
import { isRateLimited } from '../../jobs/machine/limits';
import { selectQueuePlace, useJobs } from '../../jobs/store';

const STATUS_TEXT: Record<Job['status'], MessageDescriptor> = {
  queued: msg`Queued`,
  running: msg`Generating`,
  done: msg`Done`,
  failed: msg`Failed`,
  stalled: msg`Stalled`,
  cancelled: msg`Cancelled`,
};

/**
 * A card's status chip: past the jobs-at-once cap a queued job says its place in line, apart
 * from running ones; a held job says what it waits for (the network, the service's rate limit).
 */
export function useStatusText(job: Job): string {
  const { i18n, t } = useLingui();
  const place = useJobs(selectQueuePlace(job.id));
  if (job.waitingFor) return t`Waiting for the network`;
  if (isRateLimited(job)) return t`Waiting (rate limit)`;
  if (job.status === 'queued' && place !== undefined) return t`Queued · place ${place}`;
  return i18n._(STATUS_TEXT[job.status]);
}
