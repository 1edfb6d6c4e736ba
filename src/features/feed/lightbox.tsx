import { ModalDialog } from '../../components/ui/modal-dialog';
import { useLoadedSrc } from './use-loaded-src';

/** Props of {@link Lightbox}. */
export interface LightboxProps {
  url: string;
  alt: string;
  onClose: () => void;
  /** The kept copy, for when the link has expired. */
  fallback?: () => Promise<string | undefined>;
}

/** The raw, full-size image in a dialog. */
export function Lightbox({ url, alt, onClose, fallback }: LightboxProps) {
  const src = useLoadedSrc(url, fallback);
  return (
    <ModalDialog title="Full size" onClose={onClose} className="lightbox">
      {src && <img src={src} alt={alt} referrerPolicy="no-referrer" />}
    </ModalDialog>
  );
}
