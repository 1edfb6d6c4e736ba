/**
 * The mask as data: an ordered list of shapes and operations in IMAGE pixels, with undo/redo.
 * Pure functions only — the raster (model/rasterize.ts) is derived from this list, so what the
 * person sees, what the tests check and what is exported all come from the same entries.
 */

/** A freehand stroke. `size` is the round brush diameter in image pixels; `points` is x0,y0,x1,y1… */
export interface StrokeShape {
  kind: 'brush' | 'eraser';
  size: number;
  points: number[];
}

/** An axis-aligned rectangle in image pixels; `erase` subtracts it from the region. */
export interface RectShape {
  kind: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  erase?: boolean;
}

/** A closed, filled freehand polygon (x0,y0,x1,y1…, implicitly closed); `erase` subtracts it. */
export interface LassoShape {
  kind: 'lasso';
  points: number[];
  erase?: boolean;
}

/** Something a pointer draws. */
export type MaskShape = StrokeShape | RectShape | LassoShape;

/** Whole-mask operations, recorded in the same list so that undo treats them like shapes. */
export type MaskOp = { kind: 'invert' } | { kind: 'clear' };

/** One step of the mask's history. */
export type MaskEntry = MaskShape | MaskOp;

/** The committed mask: applied entries in order, and the undone ones (most recent last). */
export interface MaskState {
  shapes: readonly MaskEntry[];
  undone: readonly MaskEntry[];
}

/** The empty mask. */
export const EMPTY_MASK: MaskState = { shapes: [], undone: [] };

/** Appends an entry; a new entry ends the redo branch (as in every editor). */
export function addEntry(state: MaskState, entry: MaskEntry): MaskState {
  return { shapes: [...state.shapes, entry], undone: [] };
}

/** Takes back the last entry; a no-op when there is none. */
export function undo(state: MaskState): MaskState {
  const last = state.shapes.at(-1);
  if (!last) return state;
  return { shapes: state.shapes.slice(0, -1), undone: [...state.undone, last] };
}

/** Re-applies the most recently undone entry; a no-op when there is none. */
export function redo(state: MaskState): MaskState {
  const next = state.undone.at(-1);
  if (!next) return state;
  return { shapes: [...state.shapes, next], undone: state.undone.slice(0, -1) };
}

/** Empties the region, undoably. Clearing an already empty mask adds nothing to the history. */
export function clear(state: MaskState): MaskState {
  return isEmpty(state) ? state : addEntry(state, { kind: 'clear' });
}

/** Swaps redraw and keep everywhere, undoably. */
export function invert(state: MaskState): MaskState {
  return addEntry(state, { kind: 'invert' });
}

/** Every change the editor can make to the committed mask. */
export type MaskAction =
  | { type: 'add'; entry: MaskEntry }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'clear' }
  | { type: 'invert' };

/** The reducers above behind one entry point (for the region store). */
export function maskReducer(state: MaskState, action: MaskAction): MaskState {
  switch (action.type) {
    case 'add':
      return addEntry(state, action.entry);
    case 'undo':
      return undo(state);
    case 'redo':
      return redo(state);
    case 'clear':
      return clear(state);
    case 'invert':
      return invert(state);
  }
}

/**
 * True when nothing has been added to the region since the last clear (no additive shape, no
 * invert). Cheap and structural: a stroke later erased away still counts as "not empty" here —
 * the exact answer is `coverage(rasterizeMask(...)) === 0`, which the dialog uses for Submit.
 */
export function isEmpty(state: MaskState): boolean {
  for (let i = state.shapes.length - 1; i >= 0; i--) {
    const entry = state.shapes[i]!;
    if (entry.kind === 'clear') return true;
    if (entry.kind === 'invert' || entry.kind === 'brush') return false;
    if ((entry.kind === 'rect' || entry.kind === 'lasso') && !entry.erase) return false;
  }
  return true;
}
