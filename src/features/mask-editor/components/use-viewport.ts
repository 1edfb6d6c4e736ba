import { useMemo, useRef, useState } from 'react';
import {
  ZOOM_STEP,
  clampPan,
  fitViewport,
  panBy,
  pinch,
  zoomAt,
  zoomLimits,
  type Point,
  type Size,
  type Viewport,
} from '../model/viewport';

/** The canvas view: its measured size, the current viewport and the ways to change it. */
export interface ViewportController {
  /** Canvas size in CSS pixels; null until measured. */
  view: Size | null;
  /** Viewport to render with; null until the canvas is measured. */
  viewport: Viewport | null;
  /** The latest viewport, for event handlers that run between renders. */
  current(): Viewport | null;
  setViewSize(size: Size): void;
  /** Zooms about a screen point (the view's centre when omitted). */
  zoomBy(factor: number, anchor?: Point): void;
  zoomIn(): void;
  zoomOut(): void;
  /** Back to the whole image, centred; it then follows resizes. */
  fit(): void;
  panBy(dx: number, dy: number): void;
  pinch(from: readonly [Point, Point], to: readonly [Point, Point]): void;
}

/**
 * Holds the viewport. `null` means "fitted": the view is then recomputed from the canvas size,
 * so a fitted image stays fitted when the dialog resizes. Refs carry the latest values to pointer
 * handlers, which can fire several times before React renders again; the functions are stable
 * for a given image size.
 */
export function useViewport(width: number, height: number): ViewportController {
  const [view, setView] = useState<Size | null>(null);
  const [custom, setCustom] = useState<Viewport | null>(null);
  const viewRef = useRef<Size | null>(null);
  const customRef = useRef<Viewport | null>(null);

  const actions = useMemo(() => {
    const image = { width, height };
    const current = () => {
      const v = viewRef.current;
      return v ? (customRef.current ?? fitViewport(image, v)) : null;
    };
    const apply = (change: (vp: Viewport, v: Size) => Viewport) => {
      const vp = current();
      const v = viewRef.current;
      if (!vp || !v) return;
      const next = clampPan(change(vp, v), image, v);
      customRef.current = next;
      setCustom(next);
    };
    const zoomBy = (factor: number, anchor?: Point) =>
      apply((vp, v) =>
        zoomAt(vp, factor, anchor ?? { x: v.width / 2, y: v.height / 2 }, zoomLimits(image, v)),
      );
    return {
      current,
      setViewSize: (size: Size) => {
        const old = viewRef.current;
        if (old && old.width === size.width && old.height === size.height) return;
        viewRef.current = size;
        setView(size);
        if (customRef.current) {
          customRef.current = clampPan(customRef.current, image, size);
          setCustom(customRef.current);
        }
      },
      zoomBy,
      zoomIn: () => zoomBy(ZOOM_STEP),
      zoomOut: () => zoomBy(1 / ZOOM_STEP),
      fit: () => {
        customRef.current = null;
        setCustom(null);
      },
      panBy: (dx: number, dy: number) => apply((vp) => panBy(vp, dx, dy)),
      pinch: (from: readonly [Point, Point], to: readonly [Point, Point]) =>
        apply((vp, v) => pinch(vp, from, to, zoomLimits(image, v))),
    };
  }, [width, height]);

  return useMemo(() => {
    const viewport = view ? (custom ?? fitViewport({ width, height }, view)) : null;
    return { ...actions, view, viewport };
  }, [actions, view, custom, width, height]);
}
