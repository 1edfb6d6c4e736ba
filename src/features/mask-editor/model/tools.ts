import type { MaskShape } from './mask-model';
import type { Point } from './viewport';

/**
 * Tools as small state machines (idle → drawing → idle), fed pointer events already mapped to
 * IMAGE coordinates. The draft shape is what the canvas previews; on "up" it becomes the commit.
 */

/** The drawing tools of the editor. */
export type ToolKind = 'brush' | 'eraser' | 'rect' | 'lasso';

/** Settings that apply to the gesture being started. */
export interface ToolOptions {
  tool: ToolKind;
  /** Brush / eraser diameter in image pixels. */
  brushSize: number;
  /** Rectangle and lasso subtract from the region instead of adding (Alt held). */
  erase: boolean;
  /** Image size, to keep rectangles inside the picture. */
  width: number;
  height: number;
}

/** Where a tool is in its gesture. */
export type ToolState =
  | { phase: 'idle' }
  | { phase: 'drawing'; pointerId: number; origin: Point; bounds: Point; draft: MaskShape };

/** Input to the tool machine; coordinates are image pixels. */
export type ToolEvent =
  | { type: 'down'; pointerId: number; point: Point; options: ToolOptions }
  | { type: 'move'; pointerId: number; points: readonly Point[] }
  | { type: 'up'; pointerId: number; point?: Point }
  | { type: 'cancel' };

/** Result of one transition: the next state and, on completion, the shape to commit. */
export interface ToolTransition {
  state: ToolState;
  commit: MaskShape | null;
}

/** The machine at rest. */
export const IDLE: ToolState = { phase: 'idle' };

/** Coordinates are stored to 1/100 px: exact enough for any mask, and small in sessionStorage. */
function q(v: number): number {
  return Math.round(v * 100) / 100;
}

/** Feeds one event to the tool machine. Events from other pointers than the drawing one are ignored. */
export function toolTransition(state: ToolState, event: ToolEvent): ToolTransition {
  if (event.type === 'cancel') return { state: IDLE, commit: null };
  if (state.phase === 'idle') {
    if (event.type !== 'down') return { state, commit: null };
    return { state: start(event.pointerId, event.point, event.options), commit: null };
  }
  if (event.type === 'down' || event.pointerId !== state.pointerId) return { state, commit: null };
  const moved = event.type === 'move' ? event.points : event.point ? [event.point] : [];
  let next = state;
  for (const p of moved) next = extend(next, p);
  if (event.type === 'move') return { state: next, commit: null };
  return { state: IDLE, commit: finish(next.draft) };
}

function start(pointerId: number, point: Point, o: ToolOptions): ToolState {
  const bounds = { x: o.width, y: o.height };
  const base = { phase: 'drawing' as const, pointerId, origin: point, bounds };
  switch (o.tool) {
    case 'brush':
    case 'eraser':
      return {
        ...base,
        draft: { kind: o.tool, size: o.brushSize, points: [q(point.x), q(point.y)] },
      };
    case 'rect': {
      const c = snap(point, bounds);
      return {
        ...base,
        origin: c,
        draft: { kind: 'rect', x: c.x, y: c.y, w: 0, h: 0, erase: o.erase },
      };
    }
    case 'lasso':
      return {
        ...base,
        draft: { kind: 'lasso', points: [q(point.x), q(point.y)], erase: o.erase },
      };
  }
}

type Drawing = Extract<ToolState, { phase: 'drawing' }>;

function extend(s: Drawing, p: Point): Drawing {
  const d = s.draft;
  if (d.kind === 'rect') {
    const c = snap(p, s.bounds);
    const draft = {
      ...d,
      x: Math.min(s.origin.x, c.x),
      y: Math.min(s.origin.y, c.y),
      w: Math.abs(c.x - s.origin.x),
      h: Math.abs(c.y - s.origin.y),
    };
    return { ...s, draft };
  }
  // Skip points closer than this to the last one: invisible in the stroke, costly in storage.
  const minGap = d.kind === 'lasso' ? 1 : Math.max(0.5, d.size / 10);
  const n = d.points.length;
  if (Math.hypot(p.x - d.points[n - 2]!, p.y - d.points[n - 1]!) < minGap) return s;
  return { ...s, draft: { ...d, points: [...d.points, q(p.x), q(p.y)] } };
}

/** Rectangles snap to whole pixels, so their edges are exactly the pixels the person sees. */
function snap(p: Point, bounds: Point): Point {
  return {
    x: Math.min(bounds.x, Math.max(0, Math.round(p.x))),
    y: Math.min(bounds.y, Math.max(0, Math.round(p.y))),
  };
}

function finish(draft: MaskShape): MaskShape | null {
  switch (draft.kind) {
    case 'brush':
    case 'eraser':
      return draft; // a tap is a dot
    case 'rect':
      return draft.w > 0 && draft.h > 0 ? draft : null;
    case 'lasso':
      return draft.points.length >= 6 && polygonArea(draft.points) > 0 ? draft : null;
  }
}

function polygonArea(pts: readonly number[]): number {
  const n = pts.length / 2;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    sum += pts[2 * i]! * pts[2 * j + 1]! - pts[2 * j]! * pts[2 * i + 1]!;
  }
  return Math.abs(sum) / 2;
}
