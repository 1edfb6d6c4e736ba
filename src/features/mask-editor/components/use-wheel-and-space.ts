import { useEffect, useRef, useState } from 'react';
import { clientToScreen, type Point } from '../model/viewport';

function isTextField(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable || t instanceof HTMLTextAreaElement) return true;
  return t instanceof HTMLInputElement && !['range', 'checkbox', 'button'].includes(t.type);
}

/**
 * The wheel zooms about the pointer; holding Space over the canvas (or with it focused) turns
 * drags into pans. Both need native listeners: React's wheel listener is passive (cannot stop the
 * page scrolling), and Space must be caught before a focused button treats it as a press.
 */
export function useWheelAndSpace(
  element: HTMLElement | null,
  zoomBy: (factor: number, anchor?: Point) => void,
) {
  const space = useRef(false);
  const hover = useRef(false);
  const [grabbing, setGrabbing] = useState(false);

  useEffect(() => {
    if (!element) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault(); // the page must not scroll under the dialog
      const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
      // Trackpad pinch arrives as ctrl+wheel with small deltas: make it as responsive as a wheel.
      const k = e.ctrlKey ? 0.01 : 0.002;
      zoomBy(Math.exp(-e.deltaY * unit * k), clientToScreen(e, element.getBoundingClientRect()));
    };
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.code !== 'Space' || isTextField(e.target)) return;
      if (!hover.current && e.target !== element) return;
      e.preventDefault(); // no page scroll, no button press while panning
      space.current = true;
      setGrabbing(true);
    };
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.code !== 'Space' || !space.current) return;
      e.preventDefault();
      space.current = false;
      setGrabbing(false);
    };
    const onEnter = () => {
      hover.current = true;
    };
    const onLeave = () => {
      hover.current = false;
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    element.addEventListener('pointerenter', onEnter);
    element.addEventListener('pointerleave', onLeave);
    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('keyup', onKeyUp, true);
    return () => {
      element.removeEventListener('wheel', onWheel);
      element.removeEventListener('pointerenter', onEnter);
      element.removeEventListener('pointerleave', onLeave);
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('keyup', onKeyUp, true);
    };
  }, [element, zoomBy]);

  return { spaceRef: space, grabbing };
}
