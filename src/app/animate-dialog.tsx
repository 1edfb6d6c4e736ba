import { useMemo } from 'react';
import { AnimateForm } from '../features/animate/animate-form';
import type { StudioImage } from '../features/animate/studio-image-picker';
import type { Job } from '../jobs/job';
import { cardName } from '../jobs/job-names';
import { animatableUrl, animateSubmission, VIDEOS_KIND } from '../kinds/videos/videos-requests';
import { videoModeFor } from '../kinds/videos/video-lint';
import { useServices } from './services-context';

/** Where Animate starts: a finished studio image, or a link from the composer. */
export type AnimateSource = { job: Job } | { url: string | undefined };

/** Props of {@link AnimateDialog}. */
export interface AnimateDialogProps {
  source: AnimateSource;
  onClose: () => void;
}

/** How many studio images the end-frame picker offers (newest first). */
const PICKER_LIMIT = 24;

/** Animate an image: the form, wired to the runner as a `videos` job linked to its image. */
export function AnimateDialog({ source, onClose }: AnimateDialogProps) {
  const { runner, config, jobs } = useServices();
  const from = 'job' in source ? source.job : undefined;
  const studioImages = useMemo<StudioImage[]>(() => {
    const { byId, order } = jobs.getState();
    const out: StudioImage[] = [];
    for (const id of order) {
      const job = byId[id];
      const url = job?.status === 'done' ? animatableUrl(job) : undefined;
      // Named as its card is ("U1 of …", "Vary (Region) of …"), so a grid and what was made
      // from it read apart.
      if (job && url) out.push({ url, label: cardName(job, (j) => byId[j]).title });
      if (out.length >= PICKER_LIMIT) break;
    }
    return out;
  }, [jobs]);
  const imageUrl = from ? animatableUrl(from) : undefined;
  return (
    <AnimateForm
      {...(imageUrl ? { imageUrl } : {})}
      {...('url' in source && source.url ? { suggestedUrl: source.url } : {})}
      mode={videoModeFor(config.getState().settings.mode)}
      studioImages={studioImages}
      onClose={onClose}
      onSubmit={(input) => {
        const submission = animateSubmission(input, from);
        runner.submit(submission.request, {
          kind: VIDEOS_KIND,
          ...(submission.parent ? { parent: submission.parent } : {}),
        });
        onClose();
      }}
    />
  );
}
