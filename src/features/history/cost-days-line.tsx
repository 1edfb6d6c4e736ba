import { useLingui } from '@lingui/react/macro';
import { formatDate } from '../../i18n/format';
import type { Job } from '../../jobs/job';
import { formatUnits } from '../../prompt/cost';
import { costByDay } from './cost-days';

/** Days shown on the line; an older day shows when the date filter narrows the list to it. */
const DAYS_SHOWN = 7;

/** Props of {@link CostDaysLine}. */
export interface CostDaysLineProps {
  ids: readonly string[];
  byId: Readonly<Record<string, Job | undefined>>;
}

/** One small line: the relative cost of the shown finished jobs, per day (newest first). */
export function CostDaysLine({ ids, byId }: CostDaysLineProps) {
  const { t } = useLingui();
  const days = costByDay(ids, byId).slice(0, DAYS_SHOWN);
  if (days.length === 0) return null;
  const list = days.map((d) => `${formatDate(d.day)} ${formatUnits(d.units)}`).join(' · ');
  return (
    <p
      className="cost-days"
      title={t`1 = one fast image job. The provider publishes no credit prices; failed jobs are not counted.`}
    >
      {t`Relative cost of finished jobs, per day: ${list}`}
    </p>
  );
}
