import { Trans, useLingui } from '@lingui/react/macro';
import { Suspense, useEffect, useRef, useState } from 'react';
import { loadWords } from '../../i18n/say';
import { lazyPart } from '../../lazy/lazy-part';
import { loadOnce } from '../../lazy/load-once';
import { useJobs } from '../../jobs/store';
import { useFeedWindow } from './feed-window';

/**
 * The cards, with the words of the studio's messages they show: loaded once the feed is on
 * the page (an empty feed never needs them), while the history is being read, so the composer
 * paints without them and the first card waits for no more than the records.
 */
const loadCards = loadOnce(() =>
  Promise.all([import('./job-card'), loadWords()]).then(([m]) => m.JobCard),
);
// Loaded once, while online, and drawn from then on, the network there or not. A failed load is
// not kept (`React.lazy` would keep it): the feed's boundary says so, and its Retry or the
// network's return loads the cards again.
const JobCard = lazyPart(loadCards);

/** How the feed lays its cards out: two or more columns (the default), one large, or compact. */
export type FeedView = 'dense' | 'large' | 'compact';

/** Where the chosen view is kept; the older compact on/off key is read once for those who set it. */
export const FEED_VIEW_KEY = 'imagine-studio.feed-view';
const LEGACY_COMPACT_KEY = 'imagine-studio.feed-compact';

function readView(): FeedView {
  try {
    const kept = globalThis.localStorage?.getItem(FEED_VIEW_KEY);
    if (kept === 'dense' || kept === 'large' || kept === 'compact') return kept;
    return globalThis.localStorage?.getItem(LEGACY_COMPACT_KEY) === '1' ? 'compact' : 'dense';
  } catch {
    return 'dense';
  }
}

function saveView(view: FeedView): void {
  try {
    globalThis.localStorage?.setItem(FEED_VIEW_KEY, view);
  } catch {
    // Storage blocked: the choice lasts until the page closes.
  }
}

/**
 * The studio's feed: every job, newest first, a page at a time. Dense by default (several
 * finished grids on one screen); a large view or a compact one is a click away, remembered.
 */
export function Feed() {
  const order = useJobs((s) => s.order);
  const { useLimit, showMore } = useFeedWindow();
  const { t } = useLingui();
  const limit = useLimit();
  const sentinel = useRef<HTMLDivElement>(null);
  const more = order.length - limit;
  const [view, setView] = useState(readView);
  // Each button turns its view on, or back to the dense default when pressed again.
  const choose = (next: FeedView) => {
    const chosen = view === next ? 'dense' : next;
    saveView(chosen);
    setView(chosen);
  };

  useEffect(() => {
    // Fetched alongside the history's first page rather than after it.
    void loadCards().catch(() => {});
  }, []);

  useEffect(() => {
    const el = sentinel.current;
    if (!el || more <= 0 || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) showMore();
      },
      { rootMargin: '800px 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [more, limit, showMore]);

  return (
    <section className={`feed ${view}`} aria-label={t`Feed`}>
      {order.length > 0 && (
        <div className="feed-tools row">
          <button
            type="button"
            className="chip"
            aria-pressed={view === 'large'}
            onClick={() => choose('large')}
          >
            <Trans>Large view</Trans>
          </button>
          <button
            type="button"
            className="chip"
            aria-pressed={view === 'compact'}
            onClick={() => choose('compact')}
          >
            <Trans>Compact view</Trans>
          </button>
        </div>
      )}
      {order.length === 0 ? (
        <div className="empty-state">
          <p>
            <Trans>Nothing here yet.</Trans>
          </p>
          <p>
            <Trans>Write a prompt and press Imagine — your pictures will form here, live.</Trans>
          </p>
        </div>
      ) : (
        <Suspense fallback={null}>
          {order.slice(0, limit).map((id) => (
            <JobCard key={id} jobId={id} />
          ))}
        </Suspense>
      )}
      {more > 0 && (
        <div ref={sentinel} className="feed-more">
          <button type="button" onClick={showMore}>
            <Trans>Show older ({more} more)</Trans>
          </button>
        </div>
      )}
    </section>
  );
}
