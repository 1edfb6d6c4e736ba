/**
 * How much of the feed is on the page. The feed shows the newest jobs a page at a time (a long
 * history would otherwise put thousands of cards in the DOM and make start-up crawl); older ones
 * come in as the person scrolls, or when something asks to show a particular job. `app/` makes
 * the one window of the tab and hands it to the feed through {@link FeedWindowContext}.
 */
import { createContext, useContext } from 'react';
import { createStore, useStore } from 'zustand';
import type { JobsStore } from '../../jobs/store';

/** How long a revealed card stays highlighted. */
const HIGHLIGHT_MS = 2000;

/** Cards added at a time. */
export const FEED_PAGE = 24;

/** The feed's window over the jobs: how many are shown, and showing a given one. */
export interface FeedWindow {
  /** How many of the newest jobs the feed shows (a hook). */
  useLimit(): number;
  /** Show one more page of older jobs. */
  showMore(): void;
  /**
   * Make sure a job's card is on the page, then scroll it into view and focus it (for
   * provenance links and "Open in studio").
   */
  reveal(jobId: string): void;
}

/** The window over `jobs`' order. */
export function createFeedWindow(jobs: JobsStore): FeedWindow {
  const windowStore = createStore<{ limit: number }>(() => ({ limit: FEED_PAGE }));
  return {
    useLimit: () => useStore(windowStore, (s) => s.limit),
    showMore: () => windowStore.setState((s) => ({ limit: s.limit + FEED_PAGE })),
    reveal(jobId) {
      const index = jobs.getState().order.indexOf(jobId);
      if (index < 0) return;
      if (index >= windowStore.getState().limit) windowStore.setState({ limit: index + FEED_PAGE });
      // Wait for React to render the card before looking for it.
      const focus = (tries: number) =>
        requestAnimationFrame(() => {
          const el = document.getElementById(`job-${jobId}`);
          if (!el) return tries > 0 ? focus(tries - 1) : undefined;
          // Its top lands below the sticky header (the card's `scroll-margin-top`), and it is
          // marked for a moment so the eye finds it.
          el.scrollIntoView({ block: 'start' });
          el.focus({ preventScroll: true });
          el.dataset.highlight = 'true';
          setTimeout(() => delete el.dataset.highlight, HIGHLIGHT_MS);
        });
      focus(10);
    },
  };
}

/** The tab's feed window, provided by `app/`. */
export const FeedWindowContext = createContext<FeedWindow | null>(null);

/** The feed window; throws when the app forgot to provide it. */
export function useFeedWindow(): FeedWindow {
  const feedWindow = useContext(FeedWindowContext);
  if (!feedWindow) throw new Error('FeedWindowContext is missing');
  return feedWindow;
}
