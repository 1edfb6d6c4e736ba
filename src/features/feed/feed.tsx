import { Trans, useLingui } from '@lingui/react/macro';
import { Suspense, useEffect, useRef, useState } from 'react';
import { loadJobTextTable } from '../../jobs/job-text';
import { lazyPart } from '../../lazy/lazy-part';
import { loadOnce } from '../../lazy/load-once';
import { useJobs } from '../../jobs/store';
import { useFeedWindow } from './feed-window';

/**
 * The cards, with the table of the jobs layer's sentences they show: loaded once the feed is on
 * the page (an empty feed never needs them), while the history is being read, so the composer
 * paints without them and the first card waits for no more than the records.
 */
const loadCards = loadOnce(() =>
  Promise.all([import('./job-card'), loadJobTextTable()]).then(([m]) => m.JobCard),
);
// Loaded once, while online, and drawn from then on, the network there or not. A failed load is
// not kept (`React.lazy` would keep it): the feed's boundary says so, and its Retry or the
// network's return loads the cards again.
const JobCard = lazyPart(loadCards);

const COMPACT_KEY = 'imagine-studio.feed-compact';

function readCompact(): boolean {
  try {
    return globalThis.localStorage?.getItem(COMPACT_KEY) === '1';
  } catch {
    return false;
  }
}

function saveCompact(on: boolean): void {
  try {
    globalThis.localStorage?.setItem(COMPACT_KEY, on ? '1' : '0');
  } catch {
    // Storage blocked: the choice lasts until the page closes.
  }
}

/** The studio's feed: every job, newest first, a page at a time; compact on request. */
export function Feed() {
  const order = useJobs((s) => s.order);
  const { useLimit, showMore } = useFeedWindow();
  const { t } = useLingui();
  const limit = useLimit();
  const sentinel = useRef<HTMLDivElement>(null);
  const more = order.length - limit;
  // With many jobs a feed of full-size cards is hard to follow: a compact view, remembered.
  const [compact, setCompact] = useState(readCompact);

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
    <section className={`feed${compact ? ' compact' : ''}`} aria-label={t`Feed`}>
      {order.length > 0 && (
        <div className="feed-tools row">
          <button
            type="button"
            className="chip"
            aria-pressed={compact}
            onClick={() => {
              saveCompact(!compact);
              setCompact(!compact);
            }}
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
