import { useLingui } from '@lingui/react/macro';
import { useRef } from 'react';
import { observeElementRect, useVirtualizer, type Rect } from '@tanstack/react-virtual';
import { HistoryTile } from './history-tile';
import { ROW_HEIGHT, TILE_GAP, columnsFor, rowIds } from './tile-size';
import { useElementWidth } from './use-element-width';

/** Props of {@link HistoryGallery}. */
export interface HistoryGalleryProps {
  /** Job ids to show, newest first. */
  ids: readonly string[];
  selected: ReadonlySet<string>;
  activeId: string | null;
  onToggle: (id: string) => void;
  onOpen: (id: string) => void;
  /** The gallery's size until (or where) layout measures it. */
  initialRect: Rect;
}

/**
 * The tiles, in rows that fill the width; only the rows near the viewport exist in the DOM, so
 * 10,000 jobs scroll like 20.
 */
export function HistoryGallery({
  ids,
  selected,
  activeId,
  onToggle,
  onOpen,
  initialRect,
}: HistoryGalleryProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { t } = useLingui();
  const columns = columnsFor(useElementWidth(scrollRef, initialRect.width));
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual's API returns functions that cannot be memoised; this component does not rely on compiler memoisation.
  const virtualizer = useVirtualizer({
    count: Math.ceil(ids.length / columns),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 2,
    initialRect,
    // Where there is no layout (a 0×0 box), keep the given size rather than showing no rows.
    observeElementRect: (instance, cb) =>
      observeElementRect(instance, (rect) => cb(rect.width && rect.height ? rect : initialRect)),
  });

  return (
    <div ref={scrollRef} className="history-gallery" role="group" aria-label={t`Gallery`}>
      <div className="history-rows" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => (
          <div
            key={row.key}
            className="history-row"
            style={{ transform: `translateY(${row.start}px)`, gap: TILE_GAP }}
          >
            {rowIds(ids, row.index, columns).map((id) => (
              <HistoryTile
                key={id}
                id={id}
                selected={selected.has(id)}
                active={id === activeId}
                onToggle={onToggle}
                onOpen={onOpen}
              />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
