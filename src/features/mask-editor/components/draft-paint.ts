import type Konva from 'konva';
import type { MaskShape } from '../model/mask-model';
import type { Point } from '../model/viewport';

/** The Konva nodes that show the gesture in progress (kept out of React state on purpose). */
export interface DraftNodes {
  line: Konva.Line | null;
  rect: Konva.Rect | null;
  cursor: Konva.Circle | null;
}

/** Colour of the region overlay; the overlay canvas is shown at OVERLAY_OPACITY. */
export const OVERLAY_COLOUR = '#ff2e88';
/** [r, g, b] of OVERLAY_COLOUR, for the bitmap. */
export const OVERLAY_RGB = [0xff, 0x2e, 0x88] as const;
/** Opacity of the overlay layer: the picture stays readable under the region. */
export const OVERLAY_OPACITY = 0.55;

function style(erase: boolean, showMask: boolean) {
  if (showMask) {
    return { colour: erase ? '#000' : '#fff', op: 'source-over' as const };
  }
  // On the overlay, erasing punches through to the picture — Konva's destination-out.
  return {
    colour: OVERLAY_COLOUR,
    op: erase ? ('destination-out' as const) : ('source-over' as const),
  };
}

/** Shows `draft` (or nothing) on the draft nodes; they are drawn in the same layer as the region. */
export function paintDraft(nodes: DraftNodes, draft: MaskShape | null, showMask: boolean): void {
  const { line, rect } = nodes;
  if (!line || !rect) return;
  line.visible(false);
  rect.visible(false);
  if (draft?.kind === 'rect') {
    const s = style(!!draft.erase, showMask);
    rect.setAttrs({ x: draft.x, y: draft.y, width: draft.w, height: draft.h, fill: s.colour });
    rect.globalCompositeOperation(s.op);
    rect.visible(true);
  } else if (draft) {
    const erase = draft.kind === 'eraser' || (draft.kind === 'lasso' && !!draft.erase);
    const s = style(erase, showMask);
    const stroke = draft.kind !== 'lasso';
    // A single point would draw nothing: repeat it so a tap shows a dot (as the raster has).
    const pts = draft.points.length === 2 ? [...draft.points, ...draft.points] : draft.points;
    line.setAttrs({
      points: pts,
      closed: !stroke,
      stroke: stroke ? s.colour : undefined,
      strokeWidth: stroke ? draft.size : 0,
      strokeEnabled: stroke,
      fill: stroke ? undefined : s.colour,
      fillEnabled: !stroke,
    });
    line.globalCompositeOperation(s.op);
    line.visible(true);
  }
  line.getLayer()?.batchDraw();
}

/** Moves the brush outline to `at` (image pixels), or hides it. */
export function paintCursor(nodes: DraftNodes, at: Point | null, diameter: number): void {
  const { cursor } = nodes;
  if (!cursor) return;
  if (at) cursor.setAttrs({ x: at.x, y: at.y, radius: diameter / 2, visible: true });
  else cursor.visible(false);
  cursor.getLayer()?.batchDraw();
}
