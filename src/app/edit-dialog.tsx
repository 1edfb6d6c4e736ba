import { useLingui } from '@lingui/react/macro';
import { EditImageDialog } from '../features/mask-editor/edit-image-launcher';
import type { MaskEditDialog } from '../kinds/shared/tool-services';
import { isLinkExpired } from '../prompt/link-expiry';
import { useServices } from './services-context';
import { UNLOADED } from '../components/ui/unloaded';
import { toast } from './toasts';

// Needed only when an edit's link has expired; its failure is handled on the call (see feed-actions).
const loadExpiredReference = () => import('./expired-reference');

/** Props of {@link EditDialog}. */
export interface EditDialogProps {
  /** What a tool asked for: the image, and what to do with the edit. */
  target: MaskEditDialog;
  onClose: () => void;
}

/** Edit image: the mask editor on a tool's image; the tool sends what is submitted. */
export function EditDialog({ target, onClose }: EditDialogProps) {
  const { t } = useLingui();
  const services = useServices();
  const { config } = services;
  const { imageUrl, memoryKey } = target;
  return (
    <EditImageDialog
      imageId={memoryKey}
      imageUrl={imageUrl}
      {...(target.width && target.height ? { width: target.width, height: target.height } : {})}
      prompt=""
      maskFormat={config.getState().settings.maskFormat}
      onClose={onClose}
      onSubmit={({ mask, prompt }) => {
        const send = (url: string) =>
          target.onSubmit({ imageUrl: url, prompt, ...(mask ? { mask } : {}) });
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
