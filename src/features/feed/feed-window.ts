/**
 * How much of the feed is on the page. The feed shows the newest jobs a page at a time (a long
 * history would otherwise put thousands of cards in the DOM and make start-up crawl); older ones
 * come in as the person scrolls, or when something asks to show a particular job.
 */
import { createStore, useStore } from 'zustand';
import { jobsStore } from '../../jobs/store';

/** Cards added at a time. */
export const FEED_PAGE = 24;

const windowStore = createStore<{ limit: number }>(() => ({ limit: FEED_PAGE }));

/** How many of the newest jobs the feed shows. */
export function useFeedLimit(): number {
  return useStore(windowStore, (s) => s.limit);
}

/** Show one more page of older jobs. */
export function showMore(): void {
  windowStore.setState((s) => ({ limit: s.limit + FEED_PAGE }));
}

/**
 * Make sure a job's card is on the page, then scroll it into view and focus it (for provenance
 * links and "Open in studio").
 */
export function revealJob(jobId: string): void {
  const index = jobsStore.getState().order.indexOf(jobId);
  if (index < 0) return;
  if (index >= windowStore.getState().limit) windowStore.setState({ limit: index + FEED_PAGE });
  // Wait for React to render the card before looking for it.
  const focus = (tries: number) =>
    requestAnimationFrame(() => {
      const el = document.getElementById(`job-${jobId}`);
      if (!el) return tries > 0 ? focus(tries - 1) : undefined;
      el.scrollIntoView({ block: 'center' });
      el.focus({ preventScroll: true });
    });
  focus(10);
}
