import { plural } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { CostFigure } from '../../components/ui/cost-figure';
import type { BatchPlan } from './batch-plan';

/** Props of {@link BatchPreview}. */
export interface BatchPreviewProps {
  plan: BatchPlan;
}

/**
 * The prompts a permutation or `--repeat` prompt will send, one line per job with its cost, and
 * how many and how much in all: seen before Imagine is pressed.
 */
export function BatchPreview({ plan }: BatchPreviewProps) {
  const { t } = useLingui();
  const count = plan.jobs.length;
  // Only a prompt that stands for others (braces, escapes, a repeat) has a list to show.
  if (!plan.expansion.ok || !plan.expansion.expanded || !plan.total) return null;
  return (
    <section className="batch-preview" aria-label={t`Prompts that will be sent`}>
      <p className="batch-summary">
        {plural(count, { one: '# job from this prompt', other: '# jobs from this prompt' })}
        <CostFigure cost={plan.total} labelled />
      </p>
      <ol className="batch-list">
        {plan.jobs.map((job, i) => (
          <li key={i}>
            <span className="batch-prompt">{job.prompt}</span>
            {job.cost && <CostFigure cost={job.cost} />}
          </li>
        ))}
      </ol>
    </section>
  );
}
