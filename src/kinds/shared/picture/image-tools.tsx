import { useLingui } from '@lingui/react/macro';
import type { Job } from '../../../jobs/job';
import { useFeedActions } from '../card-actions';
import { useTools } from '../tools-context';

/** Props of {@link ImageToolsBar}. */
export interface ImageToolsProps {
  /** A finished job with an image. */
  job: Job;
}

/**
 * The tools every endpoint offers on a finished picture (Describe, Edit image, Get seed, …), as
 * their entries declare them; each draws its own button and what it answers.
 */
export function ImageToolsBar({ job }: ImageToolsProps) {
  const tools = useTools();
  const { kindOf } = useFeedActions();
  const { t } = useLingui();
  const url = job.result?.raw_image_url ?? job.result?.image_url;
  if (!tools || !url) return null;
  // A grid (four pictures to pick from) by its kind's own reading of the result.
  const grid = kindOf(job)?.job?.isGrid?.(job.result) ?? false;
  return (
    <div className="action-bar image-tools" role="group" aria-label={t`Image tools`}>
      {tools.entries.flatMap((entry) =>
        (entry.tools?.image ?? []).map(({ Tool }, i) => (
          <Tool
            key={`${entry.name}-${i}`}
            job={job}
            imageUrl={url}
            grid={grid}
            services={tools.services}
          />
        )),
      )}
    </div>
  );
}
