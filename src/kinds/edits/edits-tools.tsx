import { Trans } from '@lingui/react/macro';
import { lineageLabel, type JobParent } from '../../jobs/job';
import type { ImageToolProps, PromptToolProps } from '../shared/kind-tools';
import type { ToolServices } from '../shared/tool-services';

interface EditTarget {
  imageUrl: string;
  width?: number;
  height?: number;
  /** The image the edit derives from, when it is a job's. */
  parent?: JobParent;
}

/** Opens the mask editor on the image; what it sends is an `edits` job. */
function openEdit(services: ToolServices, { imageUrl, width, height, parent }: EditTarget): void {
  services.openDialog({
    type: 'mask-edit',
    imageUrl,
    ...(width && height ? { width, height } : {}),
    // Its own key in the editor's memory: a Vary Region on the same image keeps its own prompt.
    memoryKey: `edit:${parent?.imageId ?? imageUrl}`,
    onSubmit: ({ imageUrl: url, prompt, mask }) =>
      services.submit(
        { image_url: url, prompt, ...(mask ? { mask } : {}) },
        { kind: 'edits', ...(parent ? { parent } : {}) },
      ),
  });
}

function lineageParent(job: ImageToolProps['job'], imageId: string): JobParent {
  const label = lineageLabel(job);
  return { jobId: job.id, imageId, action: 'edit', ...(label ? { label } : {}) };
}

/** Edit image on a finished single picture (a grid has four to choose from first). */
export function EditImageTool({ job, imageUrl, grid, services }: ImageToolProps) {
  if (grid) return null;
  const r = job.result;
  const target: EditTarget = {
    imageUrl,
    ...(r?.raw_image_width && r.raw_image_height
      ? { width: r.raw_image_width, height: r.raw_image_height }
      : {}),
    // The action says Edit (worded where shown); the label is the words it was made from.
    ...(r?.image_id ? { parent: lineageParent(job, r.image_id) } : {}),
  };
  return (
    <button type="button" className="chip" onClick={() => openEdit(services, target)}>
      <Trans>Edit image</Trans>
    </button>
  );
}

/** Edit image in the composer: the image typed in Image URL (else the one reference; with several, the one the person picks). */
export function EditPromptTool({ row, services }: PromptToolProps) {
  return (
    <button
      type="button"
      onClick={() => row.pickImage((url) => openEdit(services, { imageUrl: url }))}
    >
      <Trans>Edit image</Trans>
    </button>
  );
}
