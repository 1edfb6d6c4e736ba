/**
 * Relative cost per day, from the cost each job keeps on its record (`prompt/cost.ts` units).
 * Only finished jobs count: the provider generally does not bill a failed task (reference §7).
 */
import type { Job } from '../../jobs/job';

/** One day's total. */
export interface CostDay {
  /** Local midnight of the day, epoch ms. */
  day: number;
  units: number;
  /** Finished jobs with a known cost that day. */
  jobs: number;
}

/** Totals by local day, newest day first, over the given jobs (the ones the filters show). */
export function costByDay(
  ids: readonly string[],
  byId: Readonly<Record<string, Pick<Job, 'status' | 'cost' | 'createdAt'> | undefined>>,
): CostDay[] {
  const days = new Map<number, CostDay>();
  for (const id of ids) {
    const job = byId[id];
    if (!job || job.status !== 'done' || job.cost === undefined) continue;
    const d = new Date(job.createdAt);
    const day = new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
    const entry = days.get(day) ?? { day, units: 0, jobs: 0 };
    entry.units = Math.round((entry.units + job.cost) * 100) / 100;
    entry.jobs += 1;
    days.set(day, entry);
  }
  return [...days.values()].sort((a, b) => b.day - a.day);
}
