import { ModalDialog } from '../../components/ui/modal-dialog';

/** Props of {@link VideoLightbox}. */
export interface VideoLightboxProps {
  src: string;
  title: string;
  onClose: () => void;
}

/** One clip, large, with the browser's own controls (sound, scrubbing, full screen). */
export function VideoLightbox({ src, title, onClose }: VideoLightboxProps) {
  return (
    <ModalDialog title={title} onClose={onClose} className="lightbox video-lightbox">
      <video src={src} controls autoPlay loop playsInline aria-label={title} />
    </ModalDialog>
  );
}
