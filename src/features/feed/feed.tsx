import { useEffect, useRef } from 'react';
import { useJobs } from '../../jobs/store';
import { JobCard } from './job-card';
import { useFeedWindow } from './feed-window';

/** The studio's feed: every job, newest first, a page at a time. */
export function Feed() {
  const order = useJobs((s) => s.order);
  const { useLimit, showMore } = useFeedWindow();
  const limit = useLimit();
  const sentinel = useRef<HTMLDivElement>(null);
  const more = order.length - limit;

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
    <section className="feed" aria-label="Feed">
      {order.length === 0 ? (
        <div className="empty-state">
          <p>Nothing here yet.</p>
          <p>Write a prompt and press Imagine — your pictures will form here, live.</p>
        </div>
      ) : (
        order.slice(0, limit).map((id) => <JobCard key={id} jobId={id} />)
      )}
      {more > 0 && (
        <div ref={sentinel} className="feed-more">
          <button type="button" onClick={showMore}>
            Show older ({more} more)
          </button>
        </div>
      )}
    </section>
  );
}
