import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Trans, useLingui } from '@lingui/react/macro';
import { isUpscaled } from '../../api/action-labels';
import { actionName } from '../../jobs/action-names';
import type { Job } from '../../jobs/job';
import { usedActions } from '../../jobs/job-names';
import { useJobs } from '../../jobs/store';
import { useFeedActions } from './feed-actions';

/** Props of {@link ActionBar}. */
export interface ActionBarProps {
  job: Job;
  selected: number | null;
}

/**
 * One button per action the response offers (never a hard-coded list), plus Vary (Region) on an
 * upscaled image. The selected quadrant is highlighted on its U/V buttons, and a U/V already run
 * on this grid is marked used (as Midjourney does), so no one pays twice by mistake.
 */
export function ActionBar({ job, selected }: ActionBarProps) {
  const { act, varyRegion } = useFeedActions();
  const { i18n, t } = useLingui();
  const usedId = useId();
  const used = useJobs(useShallow((s) => [...usedActions(s.byId, job.id, s.order)]));
  const actions = job.result?.actions ?? [];
  const upscaled = isUpscaled(actions);
  const quadrantActions = actions.filter((a) => /^(upscale|variation)[1-4]$/.test(a));
  const others = actions.filter((a) => !quadrantActions.includes(a) && a !== 'variation_region');
  const button = (action: string) => {
    const q = /([1-4])$/.exec(action)?.[1];
    const quadrant = quadrantActions.includes(action);
    const hot = quadrant && selected !== null && Number(q) === selected;
    const wasUsed = quadrant && used.includes(action);
    return (
      <button
        key={action}
        type="button"
        className={`chip action${hot ? ' hot' : ''}${wasUsed ? ' used' : ''}`}
        aria-describedby={wasUsed ? usedId : undefined}
        onClick={() => act(job, action)}
      >
        {actionName(action, i18n)}
      </button>
    );
  };

  return (
    <div className="action-bar" role="group" aria-label={t`Actions`}>
      <span id={usedId} hidden>
        <Trans>Already used</Trans>
      </span>
      {quadrantActions.filter((a) => a.startsWith('upscale')).map(button)}
      {quadrantActions.filter((a) => a.startsWith('variation')).map(button)}
      {others.map(button)}
      {(upscaled || actions.includes('variation_region')) && (
        <button type="button" className="chip action" onClick={() => varyRegion(job)}>
          {actionName('variation_region', i18n)}
        </button>
      )}
    </div>
  );
}
