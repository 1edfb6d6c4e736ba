import { useEffect, useState } from 'react';
import { VaryRegionDialog } from '../features/mask-editor/vary-region-launcher';
import { actionSubmission } from '../jobs/action-request';
import type { Job } from '../jobs/job';
import { useServices } from './services-context';

/** Props of {@link RegionDialog}. */
export interface RegionDialogProps {
  /** An upscaled job with an image. */
  job: Job;
  onClose: () => void;
}

/** Vary Region on a job's image; a submitted region becomes a `variation_region` job. */
export function RegionDialog({ job, onClose }: RegionDialogProps) {
  const { runner, config, persistence } = useServices();
  const result = job.result;
  const remote = result?.raw_image_url ?? result?.image_url ?? '';
  // The kept copy (an object URL) when there is one: the link may have expired. The editor only
  // shows the picture and never reads its pixels, so an opaque copy (the service worker's
  // answer to the remote URL) serves as well.
  const [shown, setShown] = useState<{ remote: string; url: string } | null>(null);
  useEffect(() => {
    let live = true;
    void persistence
      .imageUrlFor({ result: { raw_image_url: remote, actions: [] } })
      .then((url) => live && setShown({ remote, url: url ?? remote }));
    return () => {
      live = false;
    };
  }, [persistence, remote]);
  if (!result?.image_id || shown?.remote !== remote) return null;
  return (
    <VaryRegionDialog
      imageId={result.image_id}
      imageUrl={shown.url}
      width={result.raw_image_width ?? 0}
      height={result.raw_image_height ?? 0}
      prompt={job.request.prompt || job.parent?.label || ''}
      maskFormat={config.getState().settings.maskFormat}
      onClose={onClose}
      onSubmit={({ mask, prompt }) => {
        const submission = actionSubmission(job, 'variation_region', { mask, prompt });
        if (submission) runner.submit(submission.request, { parent: submission.parent });
        onClose();
      }}
    />
  );
}
