import { msg } from '@lingui/core/macro';
import { PartBoundary } from '../../components/ui/part-boundary';
import { lazyPart } from '../../lazy/lazy-part';
import type { KindCardProps } from '../shared/card-props';
import { PictureBody } from '../shared/picture/picture-body';

// Clips load with the first finished video job on screen, not with the studio.
const VideoCard = lazyPart(() => import('./video-card').then((m) => m.VideoCard));

/**
 * The card of a videos job: it forms like a picture (its cover), and once done shows its four
 * clips.
 */
export function VideosCard({ job, Frame }: KindCardProps) {
  return (
    <Frame
      job={job}
      body={(state) =>
        job.status === 'done' ? (
          <PartBoundary
            name={msg`the clips`}
            fallback={<div className="placeholder" aria-hidden="true" />}
          >
            <VideoCard job={job} />
          </PartBoundary>
        ) : (
          <PictureBody job={job} {...state} />
        )
      }
    />
  );
}
