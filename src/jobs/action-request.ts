/**
 * The one place that turns "this action on that finished job" into what the runner is given: the
 * request body and the lineage. Buttons (U2, Zoom Out…) and Vary Region both come through here.
 */
import type { ImagineRequest } from '../api/contract';
import { lineageLabel, type Job, type JobParent } from './job';

/** A request plus the lineage it carries: the runner's `submit(request, { parent })`. */
export interface ActionSubmission {
  request: ImagineRequest;
  parent: JobParent;
}

/** What an action adds beyond the image: Vary Region's mask and its prompt. */
export interface RegionInput {
  mask: string;
  prompt: string;
}

/**
 * The submission for `action` on `job`'s image, or null when the job has no image to act on.
 * With `region`, the mask and prompt go with it and the lineage is labelled by the region's prompt.
 */
export function actionSubmission(
  job: Pick<Job, 'id' | 'result' | 'request' | 'parent'>,
  action: string,
  region?: RegionInput,
): ActionSubmission | null {
  const imageId = job.result?.image_id;
  if (!imageId) return null;
  const request: ImagineRequest = region
    ? { action, image_id: imageId, mask: region.mask, prompt: region.prompt }
    : { action, image_id: imageId };
  const label = region ? region.prompt || job.parent?.label : lineageLabel(job);
  return {
    request,
    parent: { jobId: job.id, imageId, action, ...(label === undefined ? {} : { label }) },
  };
}
