import { Trans, useLingui } from '@lingui/react/macro';
import { useEffect, useState } from 'react';
import type { PictureProblem } from '../../../storage/image-cache/kept-copy';
import { hostOf } from '../../../storage/image-cache/kept-copy';
import type { Job } from '../../../jobs/job';
import { useFeedActions } from '../card-actions';

/** Props of {@link MissingPicture}. */
export interface MissingPictureProps {
  job: Job;
  /** Loads the picture again (Try again). */
  onRetry: () => void;
}

/**
 * Why a finished picture is not on screen, in words a person can act on: offline (it is tried
 * again when the network is back, the only case that promises a retry), a host this studio does
 * not trust (named, with the setting to change), a link that expired with no copy, or a picture
 * that just did not load (Try again).
 */
export function MissingPicture({ job, onRetry }: MissingPictureProps) {
  const { pictureProblem } = useFeedActions();
  const [problem, setProblem] = useState<PictureProblem | null>(null);
  useEffect(() => {
    let live = true;
    const look = () => void pictureProblem(job).then((found) => live && setProblem(found));
    look();
    // Going offline or coming back changes what is true.
    window.addEventListener('online', look);
    window.addEventListener('offline', look);
    return () => {
      live = false;
      window.removeEventListener('online', look);
      window.removeEventListener('offline', look);
    };
    // Looked up per picture; the job object changes on every tick.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [job.result?.image_url]);
  return (
    <div className="placeholder missing" role="status">
      {problem && <ProblemText problem={problem} onRetry={onRetry} />}
    </div>
  );
}

function ProblemText({ problem, onRetry }: { problem: PictureProblem; onRetry: () => void }) {
  const { t } = useLingui();
  switch (problem.code) {
    case 'offline':
      return <Trans>Final image not loaded yet — will retry when online</Trans>;
    case 'untrusted': {
      const { origin } = problem;
      const host = hostOf(origin);
      return (
        <Trans>
          The picture host {host} is not trusted by this studio, so the picture cannot be shown. Add{' '}
          {origin} to PICTURE_ORIGINS on the studio server.
        </Trans>
      );
    }
    case 'expired':
      return <Trans>The picture's link has expired and no copy was kept in this browser.</Trans>;
    case 'unloaded':
      return (
        <>
          <Trans>The picture could not be loaded.</Trans>{' '}
          <button
            type="button"
            className="ghost"
            onClick={onRetry}
            title={t`Load the picture again`}
          >
            <Trans>Try again</Trans>
          </button>
        </>
      );
  }
}
