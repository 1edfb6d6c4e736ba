import { Trans } from '@lingui/react/macro';
import { useEffect, useState } from 'react';
import { VaryRegionDialog } from './vary-region-launcher';
import type { VaryRegionProps } from './vary-region-props';

/** Props of {@link EditImageDialog}: the editor's, with the size optional (a pasted link has none). */
export type EditImageProps = Omit<VaryRegionProps, 'mode' | 'width' | 'height'> & {
  width?: number;
  height?: number;
};

/**
 * The mask editor in edit mode. The mask must have the image's own size, so an image whose size
 * is not known yet (a link from the composer) is loaded first to read it.
 */
export function EditImageDialog(props: EditImageProps) {
  const known = props.width && props.height ? { w: props.width, h: props.height } : null;
  const [size, setSize] = useState(known);
  const [failed, setFailed] = useState(false);
  const { imageUrl } = props;
  useEffect(() => {
    if (size) return;
    const img = new Image();
    img.onload = () => setSize({ w: img.naturalWidth, h: img.naturalHeight });
    img.onerror = () => setFailed(true);
    img.src = imageUrl;
  }, [size, imageUrl]);

  if (size) return <VaryRegionDialog {...props} mode="edit" width={size.w} height={size.h} />;
  return (
    <div role={failed ? 'alert' : 'status'} className="edit-image-wait">
      {failed ? (
        <Trans>The image could not be loaded, so it cannot be edited: check the link.</Trans>
      ) : (
        <Trans>Loading image…</Trans>
      )}
      {failed && (
        <button type="button" onClick={props.onClose}>
          <Trans>Close</Trans>
        </button>
      )}
    </div>
  );
}
