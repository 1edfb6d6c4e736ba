import { Trans, useLingui } from '@lingui/react/macro';
/** An image of the studio that can serve as an end frame. */
export interface StudioImage {
  url: string;
  /** What the person knows it by (its prompt). */
  label: string;
}

/** Props of {@link StudioImagePicker}. */
export interface StudioImagePickerProps {
  images: readonly StudioImage[];
  onPick: (url: string) => void;
}

/** Picks a finished studio image as the end frame (fills the End frame field with its link). */
export function StudioImagePicker({ images, onPick }: StudioImagePickerProps) {
  const { t } = useLingui();
  if (images.length === 0) return null;
  return (
    <label className="field">
      <span>
        <Trans>End frame from the studio</Trans>
      </span>
      <select
        value=""
        onChange={(e) => {
          if (e.target.value) onPick(e.target.value);
        }}
      >
        <option value="">{t`Choose an image…`}</option>
        {images.map((image, n) => (
          <option key={`${image.url}-${n}`} value={image.url}>
            {image.label}
          </option>
        ))}
      </select>
    </label>
  );
}
