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
  const { runner, config } = useServices();
  const result = job.result;
  if (!result?.image_id) return null;
  return (
    <VaryRegionDialog
      imageId={result.image_id}
      imageUrl={result.raw_image_url ?? result.image_url ?? ''}
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
