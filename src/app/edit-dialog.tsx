import { useLingui } from '@lingui/react/macro';
import { EditImageDialog } from '../features/mask-editor/edit-image-launcher';
import type { JobParent } from '../jobs/job';
import { isLinkExpired } from '../prompt/link-expiry';
import { useServices } from './services-context';
import { UNLOADED } from '../components/ui/unloaded';
import { toast } from './toasts';

// Needed only when an edit's link has expired; its failure is handled on the call (see feed-actions).
const loadExpiredReference = () => import('./expired-reference');

/** An image to edit: a finished job's (with its lineage) or a link from the composer. */
export interface EditTarget {
  imageUrl: string;
  width?: number;
  height?: number;
  /** The image the edit derives from, when it is a job's. */
  parent?: JobParent;
}

/** Props of {@link EditDialog}. */
export interface EditDialogProps {
  target: EditTarget;
  onClose: () => void;
}

/** Edit image: a submitted edit becomes an `edits` job (its parent is the image it edited). */
export function EditDialog({ target, onClose }: EditDialogProps) {
  const { t } = useLingui();
  const services = useServices();
  const { runner, config } = services;
  const { imageUrl, parent } = target;
  return (
    <EditImageDialog
      // Its own key in the editor's memory: a Vary Region on the same image keeps its own prompt.
      imageId={`edit:${parent?.imageId ?? imageUrl}`}
      imageUrl={imageUrl}
      {...(target.width && target.height ? { width: target.width, height: target.height } : {})}
      prompt=""
      maskFormat={config.getState().settings.maskFormat}
      onClose={onClose}
      onSubmit={({ mask, prompt }) => {
        const send = (url: string) =>
          runner.submit(
            { image_url: url, prompt, ...(mask ? { mask } : {}) },
            { kind: 'edits', ...(parent ? { parent } : {}) },
          );
        onClose();
        // A dead link would fail the edit after a credit is spent: said first, the copy offered.
        if (!isLinkExpired(imageUrl, Date.now())) return void send(imageUrl);
        void loadExpiredReference().then(
          (m) =>
            m.offerKeptCopy(services, imageUrl, (fresh) => {
              send(fresh);
              return t`The edit was sent on the kept copy, re-hosted with a live link.`;
            }),
          () => toast(UNLOADED),
        );
      }}
    />
  );
}
