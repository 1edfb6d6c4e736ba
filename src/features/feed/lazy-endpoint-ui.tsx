import { lazy, Suspense } from 'react';
import type { Job } from '../../jobs/job';

// Describe cards and the image tools load with the first finished job, not with the page.
const DescribeCard = lazy(() =>
  import('./describe-card').then((m) => ({ default: m.DescribeCard })),
);
// Clips load with the first finished video job on screen, not with the studio.
const VideoCard = lazy(() => import('./video-card').then((m) => ({ default: m.VideoCard })));
const ImageToolsBar = lazy(() =>
  import('./image-tools').then((m) => ({ default: m.ImageToolsBar })),
);

/** Props of the lazy feed pieces. */
export interface LazyJobProps {
  job: Job;
}

/** {@link DescribeCard}, loaded on first use. */
export function LazyDescribeCard({ job }: LazyJobProps) {
  return (
    <Suspense fallback={null}>
      <DescribeCard job={job} />
    </Suspense>
  );
}

/** The image tools (Describe, Edit image, Get seed), loaded on first use. */
export function LazyImageTools({ job }: LazyJobProps) {
  return (
    <Suspense fallback={null}>
      <ImageToolsBar job={job} />
    </Suspense>
  );
}

/** {@link VideoCard} (a finished video job's four clips), loaded on first use. */
export function LazyVideoCard({ job }: LazyJobProps) {
  return (
    <Suspense fallback={<div className="placeholder" aria-hidden="true" />}>
      <VideoCard job={job} />
    </Suspense>
  );
}
