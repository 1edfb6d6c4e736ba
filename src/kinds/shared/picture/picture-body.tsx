import { msg } from '@lingui/core/macro';
import { PartBoundary } from '../../../components/ui/part-boundary';
import { isJobActive, type Job } from '../../../jobs/job';
import { lazyPart } from '../../../lazy/lazy-part';
import type { CardBodyState } from '../card-props';
import { ActionBar } from './action-bar';
import { expectedAspect } from './aspect';
import { JobImage } from './job-image';
import { ResultMenu } from './result-menu';

// The image tools load with the first finished job, not with the page.
const ImageToolsBar = lazyPart(() => import('./image-tools').then((m) => m.ImageToolsBar));

/** Props of {@link PictureBody}. */
export interface PictureBodyProps extends CardBodyState {
  job: Job;
}

/**
 * The body of a picture's card (imagine, edits, and a video job until its clips come): the
 * picture forming live, then the grid or image with its actions, tools and menu.
 */
export function PictureBody({ job, parent, selected, onSelect, onOpen }: PictureBodyProps) {
  const live = isJobActive(job);
  return (
    <>
      {(live || job.result || job.preview) && (
        <JobImage
          job={job}
          aspect={expectedAspect(job, parent)}
          selected={selected}
          onSelect={onSelect}
          onOpen={onOpen}
        />
      )}
      {job.status === 'done' && <ActionBar job={job} selected={selected} />}
      {job.status === 'done' && (
        <PartBoundary name={msg`the image tools`}>
          <ImageToolsBar job={job} />
        </PartBoundary>
      )}
      {job.status === 'done' && <ResultMenu job={job} selected={selected} onOpen={onOpen} />}
    </>
  );
}
