import { useShallow } from 'zustand/react/shallow';
import { useLingui } from '@lingui/react/macro';
import type { Job } from '../../jobs/job';
import { useJobs } from '../../jobs/store';
import { useFeedWindow } from './feed-window';

const NONE: string[] = [];

/**
 * "Batch of 4 · 2/4" on a card made by a permutation or `--repeat` prompt: pressing it goes to
 * the next job of the same batch (the last leads back to the first), so the siblings are found
 * however far apart the feed has put them.
 */
export function BatchLink({ job }: { job: Job }) {
  const { t } = useLingui();
  const { reveal } = useFeedWindow();
  const batchId = job.batch?.id;
  // Only a batch job looks through the jobs, and only for its own siblings.
  const siblings = useJobs(
    useShallow((s) =>
      batchId
        ? s.order
            .filter((id) => s.byId[id]?.batch?.id === batchId)
            .sort((a, b) => s.byId[a]!.batch!.index - s.byId[b]!.batch!.index)
        : NONE,
    ),
  );
  if (!job.batch) return null;
  const size = job.batch.size;
  const place = job.batch.index + 1;
  const next = siblings[(siblings.indexOf(job.id) + 1) % siblings.length];
  return (
    <button
      type="button"
      className="chip batch-link"
      title={t`Go to the next job of this batch`}
      disabled={!next || next === job.id}
      onClick={() => next && reveal(next)}
    >
      {t`Batch of ${size} · ${place}/${size}`}
    </button>
  );
}
