import { useLingui } from '@lingui/react/macro';
import type Konva from 'konva';
import { useEffect, useRef, useState } from 'react';
import { Circle, Image as KonvaImage, Layer, Line, Rect, Stage } from 'react-konva';
import type { MaskShape } from '../model/mask-model';
import type { ToolKind } from '../model/tools';
import { OVERLAY_OPACITY, paintDraft, type DraftNodes } from './draft-paint';
import { createMaskBitmap, paintMaskBitmap } from './mask-bitmap';
import { useCanvasInput } from './use-canvas-input';
import type { ViewportController } from './use-viewport';

/** Props of the mask canvas. */
export interface MaskCanvasProps {
  /** The loaded picture (null while loading or if it failed: painting still works). */
  picture: HTMLImageElement | null;
  width: number;
  height: number;
  /** The committed region, one byte per image pixel. */
  raster: Uint8Array;
  settings: { tool: ToolKind; brushSize: number; showMask: boolean };
  viewport: ViewportController;
  onCommit(shape: MaskShape): void;
}

/**
 * The Konva view, render-only: the picture (layer 1), the region and the gesture in progress
 * (layer 2), the brush outline and image frame (layer 3). The Stage carries the viewport
 * transform, so every node below is placed in image pixels.
 */
export function MaskCanvas({
  picture,
  width,
  height,
  raster,
  settings,
  viewport,
  onCommit,
}: MaskCanvasProps) {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const { t } = useLingui();
  const [bitmap] = useState(() => createMaskBitmap(width, height));
  const nodes = useRef<DraftNodes>({ line: null, rect: null, cursor: null });
  const maskLayer = useRef<Konva.Layer>(null);
  const { showMask } = settings;
  const { view, viewport: vp, setViewSize } = viewport;
  const ready = vp !== null;
  const { handlers, grabbing } = useCanvasInput({
    element,
    viewport,
    nodes,
    ...settings,
    width,
    height,
    onCommit,
  });

  useEffect(() => {
    if (!element) return;
    const measure = () => setViewSize({ width: element.clientWidth, height: element.clientHeight });
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    measure();
    return () => observer.disconnect();
  }, [element, setViewSize]);

  useEffect(() => {
    paintMaskBitmap(bitmap, raster, showMask);
    paintDraft(nodes.current, null, showMask); // the committed gesture is now in the bitmap
    const layer = maskLayer.current;
    if (!layer) return;
    // Opacity on the layer's own canvas, not on its nodes: Konva would apply node opacity per
    // shape, and a half-transparent destination-out would only half erase.
    layer.getNativeCanvasElement().style.opacity = showMask ? '1' : String(OVERLAY_OPACITY);
    layer.batchDraw();
  }, [bitmap, raster, showMask, ready]);

  return (
    <div
      ref={setElement}
      className={`mask-canvas${grabbing ? ' mask-canvas--grab' : ''}`}
      role="application"
      aria-label={t`Mask canvas`}
      tabIndex={0}
      {...handlers}
    >
      {view && vp && (
        <Stage
          width={view.width}
          height={view.height}
          x={vp.x}
          y={vp.y}
          scaleX={vp.scale}
          scaleY={vp.scale}
        >
          <Layer listening={false}>
            <KonvaImage image={picture ?? undefined} width={width} height={height} />
          </Layer>
          {/* Crisp pixels once zoomed in, so the person sees exactly which pixels are in. */}
          <Layer ref={maskLayer} listening={false} imageSmoothingEnabled={vp.scale < 2}>
            <KonvaImage image={bitmap} width={width} height={height} />
            <Line
              ref={(n) => {
                nodes.current.line = n;
              }}
              visible={false}
              lineCap="round"
              lineJoin="round"
              perfectDrawEnabled={false}
            />
            <Rect
              ref={(n) => {
                nodes.current.rect = n;
              }}
              visible={false}
              perfectDrawEnabled={false}
            />
          </Layer>
          <Layer listening={false}>
            <Rect
              width={width}
              height={height}
              stroke="rgba(255, 255, 255, 0.35)"
              strokeWidth={1}
              strokeScaleEnabled={false}
              perfectDrawEnabled={false}
            />
            <Circle
              ref={(n) => {
                nodes.current.cursor = n;
              }}
              visible={false}
              stroke="#fff"
              strokeWidth={1.5}
              strokeScaleEnabled={false}
              shadowColor="#000"
              shadowBlur={2}
              perfectDrawEnabled={false}
            />
          </Layer>
        </Stage>
      )}
    </div>
  );
}
