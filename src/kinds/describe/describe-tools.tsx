import { Trans } from '@lingui/react/macro';
import { lineageLabel, type JobParent } from '../../jobs/job';
import type { ImageToolProps, PromptToolProps } from '../shared/kind-tools';
import type { ToolServices } from '../shared/tool-services';

/** Sends a describe job: its card in the feed shows it from the start. */
function describe(services: ToolServices, imageUrl: string, parent?: JobParent): void {
  services.submit({ image_url: imageUrl }, { kind: 'describe', ...(parent ? { parent } : {}) });
}

/** Describe on every finished picture: a studio image's describe is its child in the lineage. */
export function DescribeImageTool({ job, imageUrl, services }: ImageToolProps) {
  const imageId = job.result?.image_id;
  const label = lineageLabel(job);
  // The action says Describe (worded where shown); the label is the words it was made from.
  const parent: JobParent | undefined = imageId
    ? { jobId: job.id, imageId, action: 'describe', ...(label ? { label } : {}) }
    : undefined;
  return (
    <button type="button" className="chip" onClick={() => describe(services, imageUrl, parent)}>
      <Trans>Describe</Trans>
    </button>
  );
}

/** Describe in the composer: the image typed in Image URL (else the one reference; with several, the one the person picks). */
export function DescribePromptTool({ row, services }: PromptToolProps) {
  return (
    <button type="button" onClick={() => row.pickImage((url) => describe(services, url))}>
      <Trans>Describe</Trans>
    </button>
  );
}
