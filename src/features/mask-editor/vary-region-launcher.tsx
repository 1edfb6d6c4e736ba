import { msg } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { PartBoundary } from '../../components/ui/part-boundary';
import { lazyPart } from '../../lazy/lazy-part';
import type { VaryRegionProps } from './vary-region-props';

// Konva and react-konva are large and only needed here: they load with this chunk, when the
// editor first opens, never with the feed.
const MaskEditorDialog = lazyPart(() =>
  import('./components/mask-editor-dialog').then((m) => m.MaskEditorDialog),
);

/** The Vary Region editor, loaded on first open; shows "Loading editor…" meanwhile. */
export function VaryRegionDialog(props: VaryRegionProps) {
  return (
    <PartBoundary
      name={msg`the mask editor`}
      onClose={props.onClose}
      fallback={
        // Inline style: the editor's stylesheet arrives with the lazy chunk.
        <div
          role="status"
          style={{
            position: 'fixed',
            inset: 0,
            display: 'grid',
            placeItems: 'center',
            background: 'rgba(0, 0, 0, 0.6)',
            color: '#e8e8ea',
            zIndex: 1000,
          }}
        >
          <Trans>Loading editor…</Trans>
        </div>
      }
    >
      {/* A different image is a different editor: remount so no state leaks across images. */}
      <MaskEditorDialog key={props.imageId} {...props} />
    </PartBoundary>
  );
}
