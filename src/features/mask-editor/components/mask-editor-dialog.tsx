import { Trans, useLingui } from '@lingui/react/macro';
import { useEffect, useId, useMemo, useState } from 'react';
import '../mask-editor.css';
import { createMaskExporter } from '../export/mask-exporter';
import { EMPTY_MASK, isEmpty, type MaskAction } from '../model/mask-model';
import { createRasterCache } from '../model/raster-cache';
import { coverage } from '../model/rasterize';
import { useStore } from 'zustand';
import { regionStore } from '../model/region-store';
import type { ToolKind } from '../model/tools';
import type { VaryRegionProps } from '../vary-region-props';
import { MaskCanvas } from './mask-canvas';
import { RegionFooter } from './region-footer';
import { ToolPanel } from './tool-panel';
import { useEditorKeys } from './use-editor-keys';
import { useLoadedImage } from './use-loaded-image';
import { useModalDialog } from './use-modal-dialog';
import { useViewport } from './use-viewport';
import { ViewControls } from './view-controls';

/** The "Vary Region" modal: paint the area to redraw on the upscaled image, then submit it. */
export function MaskEditorDialog(props: VaryRegionProps) {
  const { imageId, width, height, maskFormat = 'jpeg', mode = 'region', onSubmit, onClose } = props;
  const entry = useStore(regionStore, (s) => s.byImageId[imageId]);
  const { dispatch, setPrompt, setBrushSize } = regionStore.getState();
  const mask = entry?.mask ?? EMPTY_MASK;
  const longSide = Math.max(width, height);
  const maxBrush = Math.max(8, Math.round(longSide / 4));
  const brushSize = Math.min(maxBrush, entry?.brushSize ?? Math.max(1, Math.round(longSide / 24)));
  const regionPrompt = entry?.prompt ?? props.prompt;

  const [tool, setTool] = useState<ToolKind>('brush');
  const [showMask, setShowMask] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [cache] = useState(() => createRasterCache(width, height));
  const [exporter] = useState(createMaskExporter);
  useEffect(() => {
    exporter.warm();
    return () => exporter.dispose();
  }, [exporter]);
  const raster = useMemo(() => cache.get(mask.shapes), [cache, mask.shapes]);
  const cover = useMemo(() => coverage(raster), [raster]);
  const viewport = useViewport(width, height);
  const picture = useLoadedImage(props.imageUrl);
  const { ref: dialogRef, onCancel } = useModalDialog(onClose);
  const titleId = useId();
  const { t } = useLingui();

  const act = (action: MaskAction) => dispatch(imageId, action);

  useEditorKeys({ onMaskAction: act, onToolChange: setTool });

  const submit = async () => {
    setSubmitting(true);
    setError(null);
    try {
      // An edit without a region edits the whole image: no mask is sent.
      const encoded =
        mode === 'edit' && cover === 0
          ? ''
          : await exporter.run({
              shapes: mask.shapes,
              width,
              height,
              format: maskFormat,
            });
      onSubmit({ mask: encoded, prompt: regionPrompt.trim(), coverage: cover });
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      setError(t`Could not prepare the mask: ${reason}`);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className="mask-editor"
      aria-modal="true"
      aria-labelledby={titleId}
      tabIndex={-1}
      onCancel={onCancel}
    >
      <header className="mask-editor__head">
        <h2 id={titleId}>{mode === 'edit' ? t`Edit image` : t`Vary Region`}</h2>
        <span className="mask-editor__size">
          {width} × {height}
        </span>
        <button type="button" className="mask-editor__button" onClick={onClose}>
          <Trans>Close</Trans>
        </button>
      </header>
      <ToolPanel
        tool={tool}
        onToolChange={setTool}
        brush={{ size: brushSize, max: maxBrush, onChange: (s) => setBrushSize(imageId, s) }}
        history={{
          canUndo: mask.shapes.length > 0,
          canRedo: mask.undone.length > 0,
          canClear: cover > 0 || !isEmpty(mask),
        }}
        onMaskAction={act}
      />
      <div className="mask-editor__stage">
        <ViewControls viewport={viewport} showMask={showMask} onShowMaskChange={setShowMask} />
        <MaskCanvas
          picture={picture.element}
          width={width}
          height={height}
          raster={raster}
          settings={{ tool, brushSize, showMask }}
          viewport={viewport}
          onCommit={(shape) => act({ type: 'add', entry: shape })}
        />
        {picture.status !== 'ready' && (
          <p className="mask-editor__notice" role="status">
            {picture.status === 'loading' ? (
              <Trans>Loading image…</Trans>
            ) : (
              <Trans>The image could not be loaded; you can still paint the region.</Trans>
            )}
          </p>
        )}
      </div>
      <RegionFooter
        mode={mode}
        prompt={regionPrompt}
        onPromptChange={(p) => setPrompt(imageId, p)}
        coverage={cover}
        submitting={submitting}
        error={error}
        onSubmit={() => void submit()}
      />
    </dialog>
  );
}
