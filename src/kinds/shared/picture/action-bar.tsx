import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Trans, useLingui } from '@lingui/react/macro';
import { isUpscaled } from '../../../api/action-labels';
import { actionName } from '../../../jobs/action-names';
import type { Job } from '../../../jobs/job';
import { usedActions } from '../../../jobs/job-names';
import { useJobs } from '../../../jobs/store';
import { actionCosts, type ActionCost } from './action-costs';
import { useFeedActions } from '../card-actions';

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
  const { act, varyRegion, useCurrentMode } = useFeedActions();
  const mode = useCurrentMode();
  const { i18n, t } = useLingui();
  const usedId = useId();
  const used = useJobs(useShallow((s) => [...usedActions(s.byId, job.id, s.order)]));
  const actions = job.result?.actions ?? [];
  const upscaled = isUpscaled(actions);
  const quadrantActions = actions.filter((a) => /^(upscale|variation)[1-4]$/.test(a));
  const others = actions.filter((a) => !quadrantActions.includes(a) && a !== 'variation_region');
  // What each button would send, in relative cost: shown beside its name, said as its description.
  const costs = actionCosts(mode, usedId);
  const costProps = (c: ActionCost | null) =>
    c
      ? { title: c.summary, 'data-cost': c.figure, 'data-cost-uncertain': c.figure[0] === '≈' }
      : {};
  const button = (action: string) => {
    const q = /([1-4])$/.exec(action)?.[1];
    const quadrant = quadrantActions.includes(action);
    const hot = quadrant && selected !== null && Number(q) === selected;
    const wasUsed = quadrant && used.includes(action);
    const c = costs.of(action);
    const described = [wasUsed ? usedId : '', c?.id ?? ''].filter(Boolean).join(' ');
    return (
      <button
        key={action}
        type="button"
        className={`chip action${hot ? ' hot' : ''}${wasUsed ? ' used' : ''}`}
        aria-label={actionName(action, i18n)}
        aria-describedby={described || undefined}
        onClick={() => act(job, action)}
        {...costProps(c)}
      >
        {actionName(action, i18n)}
      </button>
    );
  };
  const region = costs.of('variation_region');
  const buttons = [
    ...quadrantActions.filter((a) => a.startsWith('upscale')),
    ...quadrantActions.filter((a) => a.startsWith('variation')),
    ...others,
  ].map(button);

  return (
    <div className="action-bar" role="group" aria-label={t`Actions`}>
      <span id={usedId} hidden>
        <Trans>Already used</Trans>
      </span>
      {buttons}
      {(upscaled || actions.includes('variation_region')) && (
        <button
          type="button"
          className="chip action"
          aria-label={actionName('variation_region', i18n)}
          aria-describedby={region?.id}
          onClick={() => varyRegion(job)}
          {...costProps(region)}
        >
          {actionName('variation_region', i18n)}
        </button>
      )}
      {costs.notes().map((n) => (
        <span key={n.id} id={n.id} hidden>
          {n.summary}
        </span>
      ))}
    </div>
  );
}
