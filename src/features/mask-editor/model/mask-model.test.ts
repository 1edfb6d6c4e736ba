import { describe, expect, it } from 'vitest';
import {
  EMPTY_MASK,
  addEntry,
  clear,
  invert,
  isEmpty,
  maskReducer,
  redo,
  undo,
  type MaskEntry,
  type MaskState,
} from './mask-model';

const dot = (x: number): MaskEntry => ({ kind: 'brush', size: 4, points: [x, 10] });
const xs = (s: MaskState) => s.shapes.map((e) => ('points' in e ? e.points[0] : e.kind));

describe('mask history', () => {
  it('undoes and redoes in order, and a new shape drops the redo branch', () => {
    let s = [dot(1), dot(2), dot(3)].reduce(addEntry, EMPTY_MASK);
    s = undo(undo(s));
    expect(xs(s)).toEqual([1]);
    expect(s.undone).toHaveLength(2);
    s = redo(s);
    expect(xs(s)).toEqual([1, 2]);
    s = addEntry(s, dot(9));
    expect(xs(s)).toEqual([1, 2, 9]);
    expect(s.undone).toEqual([]);
    expect(redo(s)).toBe(s);
  });

  it('treats undo on an empty history and redo with nothing undone as no-ops', () => {
    expect(undo(EMPTY_MASK)).toBe(EMPTY_MASK);
    expect(redo(EMPTY_MASK)).toBe(EMPTY_MASK);
  });

  it('records clear and invert as undoable entries', () => {
    let s = addEntry(EMPTY_MASK, dot(1));
    s = clear(s);
    expect(xs(s)).toEqual([1, 'clear']);
    expect(isEmpty(s)).toBe(true);
    s = undo(s);
    expect(xs(s)).toEqual([1]);
    expect(isEmpty(s)).toBe(false);
    s = invert(s);
    expect(xs(s)).toEqual([1, 'invert']);
  });

  it('does not add a clear to an already empty mask', () => {
    expect(clear(EMPTY_MASK)).toBe(EMPTY_MASK);
    const cleared = clear(addEntry(EMPTY_MASK, dot(1)));
    expect(clear(cleared)).toBe(cleared);
  });

  it('routes actions through maskReducer', () => {
    let s = maskReducer(EMPTY_MASK, { type: 'add', entry: dot(5) });
    s = maskReducer(s, { type: 'invert' });
    s = maskReducer(s, { type: 'undo' });
    expect(xs(s)).toEqual([5]);
    s = maskReducer(s, { type: 'redo' });
    s = maskReducer(s, { type: 'clear' });
    expect(xs(s)).toEqual([5, 'invert', 'clear']);
  });
});

describe('isEmpty (structural)', () => {
  it('is true only when nothing additive follows the last clear', () => {
    expect(isEmpty(EMPTY_MASK)).toBe(true);
    expect(isEmpty(addEntry(EMPTY_MASK, { kind: 'eraser', size: 5, points: [1, 1] }))).toBe(true);
    expect(
      isEmpty(addEntry(EMPTY_MASK, { kind: 'rect', x: 0, y: 0, w: 2, h: 2, erase: true })),
    ).toBe(true);
    expect(isEmpty(addEntry(EMPTY_MASK, { kind: 'rect', x: 0, y: 0, w: 2, h: 2 }))).toBe(false);
    expect(isEmpty(addEntry(EMPTY_MASK, { kind: 'lasso', points: [0, 0, 4, 0, 0, 4] }))).toBe(
      false,
    );
    expect(isEmpty(invert(EMPTY_MASK))).toBe(false);
  });
});
