import { ModalDialog } from '../../components/ui/modal-dialog';

/** Props of {@link Lightbox}. */
export interface LightboxProps {
  url: string;
  alt: string;
  onClose: () => void;
}

/** The raw, full-size image in a dialog. */
export function Lightbox({ url, alt, onClose }: LightboxProps) {
  return (
    <ModalDialog title="Full size" onClose={onClose} className="lightbox">
      <img src={url} alt={alt} referrerPolicy="no-referrer" />
    </ModalDialog>
  );
}
