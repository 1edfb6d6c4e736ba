import { useCallback, useSyncExternalStore, type RefObject } from 'react';

/**
 * The content width of an element, following resizes. `fallback` stands in before the element
 * is laid out and where there is no layout at all (jsdom).
 */
export function useElementWidth(ref: RefObject<HTMLElement | null>, fallback: number): number {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const el = ref.current;
      if (!el || typeof ResizeObserver === 'undefined') return () => {};
      const observer = new ResizeObserver(onChange);
      observer.observe(el);
      return () => observer.disconnect();
    },
    [ref],
  );
  return useSyncExternalStore(
    subscribe,
    () => ref.current?.clientWidth || fallback,
    () => fallback,
  );
}
