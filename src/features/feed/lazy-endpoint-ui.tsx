import { msg } from '@lingui/core/macro';
import { PartBoundary } from '../../components/ui/part-boundary';
import type { Job } from '../../jobs/job';
import { lazyPart } from '../../lazy/lazy-part';

// Describe cards and the image tools load with the first finished job, not with the page.
const DescribeCard = lazyPart(() => import('./describe-card').then((m) => m.DescribeCard));
// Clips load with the first finished video job on screen, not with the studio.
const VideoCard = lazyPart(() => import('./video-card').then((m) => m.VideoCard));
const ImageToolsBar = lazyPart(() => import('./image-tools').then((m) => m.ImageToolsBar));

/** Props of the lazy feed pieces. */
export interface LazyJobProps {
  job: Job;
}

/** {@link DescribeCard}, loaded on first use. */
export function LazyDescribeCard({ job }: LazyJobProps) {
  return (
    <PartBoundary name={msg`the description`}>
      <DescribeCard job={job} />
    </PartBoundary>
  );
}

/** The image tools (Describe, Edit image, Get seed), loaded on first use. */
export function LazyImageTools({ job }: LazyJobProps) {
  return (
    <PartBoundary name={msg`the image tools`}>
      <ImageToolsBar job={job} />
    </PartBoundary>
  );
}

/** {@link VideoCard} (a finished video job's four clips), loaded on first use. */
export function LazyVideoCard({ job }: LazyJobProps) {
  return (
    <PartBoundary
      name={msg`the clips`}
      fallback={<div className="placeholder" aria-hidden="true" />}
    >
      <VideoCard job={job} />
    </PartBoundary>
  );
}
