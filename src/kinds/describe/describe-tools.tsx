import { Trans } from '@lingui/react/macro';
import type { JobParent } from '../../jobs/job';
import type { ImageToolProps, PromptToolProps } from '../shared/kind-tools';
import type { ToolServices } from '../shared/tool-services';

/** Sends a describe job: its card in the feed shows it from the start. */
function describe(services: ToolServices, imageUrl: string, parent?: JobParent): void {
  services.submit({ image_url: imageUrl }, { kind: 'describe', ...(parent ? { parent } : {}) });
}

/** Describe on every finished picture: a studio image's describe is its child in the lineage. */
export function DescribeImageTool({ job, imageUrl, services }: ImageToolProps) {
  const imageId = job.result?.image_id;
  const parent: JobParent | undefined = imageId
    ? // eslint-disable-next-line lingui/no-unlocalized-strings -- stored with the job as its lineage label, as the provider's "U2" is; not words drawn here
      { jobId: job.id, imageId, action: 'describe', label: 'Describe' }
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
