import {
  useRef,
  type KeyboardEvent as ReactKeyboardEvent,
  type PointerEvent as ReactPointerEvent,
} from 'react';
import type { MaskShape } from '../model/mask-model';
import {
  IDLE,
  toolTransition,
  type ToolEvent,
  type ToolKind,
  type ToolState,
} from '../model/tools';
import { clientToScreen, screenToImage, type Point } from '../model/viewport';
import { paintCursor, paintDraft, type DraftNodes } from './draft-paint';
import type { ViewportController } from './use-viewport';
import { useWheelAndSpace } from './use-wheel-and-space';

/** What the pointer does on the canvas. */
export interface CanvasInputOptions {
  element: HTMLDivElement | null;
  viewport: ViewportController;
  nodes: { current: DraftNodes };
  tool: ToolKind;
  brushSize: number;
  width: number;
  height: number;
  showMask: boolean;
  onCommit(shape: MaskShape): void;
}

type Mode = 'none' | 'draw' | 'pan' | 'pinch';

/** Arrow keys on the focused canvas pan by this many CSS pixels. */
const KEY_PAN = 48;

/**
 * Pointer Events (mouse, pen, touch) → tool machine in image pixels; middle button, Space-drag
 * and two fingers pan/pinch; the wheel zooms about the pointer. Positions are read from the
 * element's bounding box at event time, so the mapping holds whatever the layout or zoom.
 * With the canvas focused, arrows pan, +/- zoom and 0 fits.
 */
export function useCanvasInput(o: CanvasInputOptions) {
  const toolState = useRef<ToolState>(IDLE);
  const pointers = useRef(new Map<number, Point>());
  const mode = useRef<Mode>('none');
  const { element, viewport } = o;
  const { spaceRef, grabbing } = useWheelAndSpace(element, viewport.zoomBy);

  const toScreen = (e: { clientX: number; clientY: number }) =>
    element ? clientToScreen(e, element.getBoundingClientRect()) : { x: 0, y: 0 };
  const toImage = (p: Point) => {
    const vp = viewport.current();
    return vp ? screenToImage(vp, p) : p;
  };

  const step = (event: ToolEvent) => {
    const t = toolTransition(toolState.current, event);
    toolState.current = t.state;
    // A committed shape stays on screen until the canvas repaints the region with it.
    paintDraft(
      o.nodes.current,
      t.commit ?? (t.state.phase === 'drawing' ? t.state.draft : null),
      o.showMask,
    );
    if (t.commit) o.onCommit(t.commit);
  };

  const showCursor = (p: Point | null) => {
    const brushy = o.tool === 'brush' || o.tool === 'eraser';
    paintCursor(o.nodes.current, p && brushy && !spaceRef.current ? toImage(p) : null, o.brushSize);
  };

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (!viewport.current()) return;
    e.currentTarget.focus({ preventScroll: true });
    e.currentTarget.setPointerCapture?.(e.pointerId);
    const p = toScreen(e);
    pointers.current.set(e.pointerId, p);
    if (e.pointerType === 'touch' && pointers.current.size === 2) {
      step({ type: 'cancel' }); // the first finger was not drawing after all
      mode.current = 'pinch';
      return;
    }
    if (pointers.current.size > 1) return;
    if (e.button === 1 || spaceRef.current) {
      e.preventDefault();
      mode.current = 'pan';
      return;
    }
    if (e.button !== 0) return;
    mode.current = 'draw';
    const { tool, brushSize, width, height } = o;
    const options = { tool, brushSize, width, height, erase: e.altKey };
    step({ type: 'down', pointerId: e.pointerId, point: toImage(p), options });
  };

  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    const p = toScreen(e);
    if (e.pointerType !== 'touch') showCursor(p);
    const map = pointers.current;
    const prev = map.get(e.pointerId);
    if (!prev) return;
    if (mode.current === 'pinch') {
      const ids = [...map.keys()].slice(0, 2);
      const from = ids.map((id) => map.get(id)!);
      map.set(e.pointerId, p);
      const to = ids.map((id) => map.get(id)!);
      if (ids.length === 2 && ids.includes(e.pointerId)) {
        viewport.pinch([from[0]!, from[1]!], [to[0]!, to[1]!]);
      }
      return;
    }
    map.set(e.pointerId, p);
    if (mode.current === 'pan') viewport.panBy(p.x - prev.x, p.y - prev.y);
    if (mode.current !== 'draw') return;
    const native = e.nativeEvent;
    // Pens and fast mice report more positions than frames: keep them all for a smooth stroke.
    const events =
      typeof native.getCoalescedEvents === 'function' ? native.getCoalescedEvents() : [];
    const points = (events.length ? events : [native]).map((ev) => toImage(toScreen(ev)));
    step({ type: 'move', pointerId: e.pointerId, points });
  };

  const end = (e: ReactPointerEvent<HTMLDivElement>, cancelled: boolean) => {
    if (!pointers.current.delete(e.pointerId)) return;
    if (mode.current === 'draw') {
      step(
        cancelled
          ? { type: 'cancel' }
          : { type: 'up', pointerId: e.pointerId, point: toImage(toScreen(e)) },
      );
    }
    // After a pinch, a finger still down does nothing until all are lifted.
    if (mode.current !== 'pinch' || pointers.current.size === 0) mode.current = 'none';
  };

  const handlers = {
    onPointerDown,
    onPointerMove,
    onPointerUp: (e: ReactPointerEvent<HTMLDivElement>) => end(e, false),
    onPointerCancel: (e: ReactPointerEvent<HTMLDivElement>) => end(e, true),
    onLostPointerCapture: (e: ReactPointerEvent<HTMLDivElement>) => end(e, true),
    onKeyDown: (e: ReactKeyboardEvent<HTMLDivElement>) => {
      const pan: Record<string, [number, number]> = {
        ArrowLeft: [KEY_PAN, 0],
        ArrowRight: [-KEY_PAN, 0],
        ArrowUp: [0, KEY_PAN],
        ArrowDown: [0, -KEY_PAN],
      };
      const delta = pan[e.key];
      if (delta) viewport.panBy(delta[0], delta[1]);
      else if (e.key === '+' || e.key === '=') viewport.zoomIn();
      else if (e.key === '-') viewport.zoomOut();
      else if (e.key === '0') viewport.fit();
      else return;
      e.preventDefault();
    },
    onPointerLeave: () => showCursor(null),
  };
  return { handlers, grabbing };
}
