import { useLingui } from '@lingui/react/macro';
import { ModalDialog } from '../../../components/ui/modal-dialog';
import type { Job } from '../../../jobs/job';
import { useFeedActions } from '../card-actions';
import { useLoadedSrc } from './use-loaded-src';

/** Props of {@link Lightbox}. */
export interface LightboxProps {
  /** A finished job; its raw image is shown, or its kept copy once the link has expired. */
  job: Job;
  alt: string;
  onClose: () => void;
}

/** The raw, full-size image in a dialog. */
export function Lightbox({ job, alt, onClose }: LightboxProps) {
  const { cachedImage } = useFeedActions();
  const { t } = useLingui();
  const { url: src } = useLoadedSrc(job.result?.raw_image_url, () => cachedImage(job));
  return (
    <ModalDialog title={t`Full size`} onClose={onClose} className="lightbox">
      {src && <img src={src} alt={alt} referrerPolicy="no-referrer" />}
    </ModalDialog>
  );
}
