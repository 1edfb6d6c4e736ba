import { useMemo, useState } from 'react';
import type { ImagineRequest, Mode } from '../../api/contract';
import { newTraceId } from '../../api/trace-id';
import type { JobBatch } from '../../jobs/job';
import { CONFIRM_ABOVE, planBatch, type BatchPlan } from './batch-plan';

/** What {@link useBatchSubmit} needs. */
export interface BatchSubmitInput {
  prompt: string;
  mode: Mode;
  translation: boolean;
  onSubmit: (request: ImagineRequest, batch?: JobBatch) => void;
}

/**
 * The jobs a prompt stands for, and sending them: `go()` sends at once up to four jobs, and asks
 * first (`confirming`) above that; `confirm()` sends what was asked about, `cancel()` nothing.
 */
export function useBatchSubmit({ prompt, mode, translation, onSubmit }: BatchSubmitInput) {
  const plan = useMemo(() => planBatch(prompt, mode), [prompt, mode]);
  const [confirming, setConfirming] = useState<BatchPlan | null>(null);

  const send = (jobs: BatchPlan['jobs']) => {
    // Siblings share an id, so each card can lead to the rest of its batch.
    const batch = jobs.length > 1 ? { id: newTraceId(), size: jobs.length } : undefined;
    // `split_images`: the grid comes with its four pictures, so one can be used as a reference.
    jobs.forEach((job, index) =>
      onSubmit(
        {
          prompt: job.prompt,
          action: 'generate',
          split_images: true,
          ...(translation ? { translation: true } : {}),
        },
        batch && { ...batch, index },
      ),
    );
  };

  return {
    plan,
    confirming,
    go: () => (plan.jobs.length > CONFIRM_ABOVE ? setConfirming(plan) : send(plan.jobs)),
    confirm: () => {
      if (confirming) send(confirming.jobs);
      setConfirming(null);
    },
    cancel: () => setConfirming(null),
  };
}
