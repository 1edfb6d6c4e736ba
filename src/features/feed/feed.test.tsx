// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { WithI18n } from '../../i18n/testing';
import { createJobsActions, jobsStore } from '../../jobs/store';

const jobsActions = createJobsActions(jobsStore);
import type { Job } from '../../jobs/job';
import { Feed } from './feed';
import { FeedActionsContext } from '../../kinds/shared/card-actions';
import { loadKindCards, testFeedActions } from '../../kinds/shared/fixtures/test-actions';
import { createFeedWindow, FEED_PAGE, FeedWindowContext } from './feed-window';

// The cards load with the studio's start; here, before the first render.
beforeAll(loadKindCards);

const actions = testFeedActions();

function job(i: number): Job {
  return {
    id: `job-${i}`,
    traceId: `trace-${i}`,
    request: { prompt: `prompt number ${i}` },
    delivery: 'stream',
    status: 'failed',
    progress: 0,
    error: { kind: 'http', message: 'nope' },
    createdAt: 1_000 + i,
    updatedAt: 1_000 + i,
    attempts: 1,
  };
}

afterEach(() => {
  cleanup();
  jobsActions.reset();
});

describe('Feed', () => {
  it('puts only the newest page of a long history on the page, and more on request', async () => {
    jobsActions.merge(Array.from({ length: 100 }, (_, i) => job(i)));
    render(
      <FeedActionsContext.Provider value={actions}>
        <FeedWindowContext.Provider value={createFeedWindow(jobsStore)}>
          <Feed />
        </FeedWindowContext.Provider>
      </FeedActionsContext.Provider>,
      { wrapper: WithI18n },
    );
    const cards = () => screen.getAllByRole('article');
    // The cards load lazily (with the table of job sentences they show).
    await screen.findAllByRole('article', {}, { timeout: 10_000 });
    expect(cards()).toHaveLength(FEED_PAGE);
    expect(cards()[0]!.getAttribute('aria-label')).toBe('prompt number 99');
    fireEvent.click(screen.getByRole('button', { name: `Show older (${100 - FEED_PAGE} more)` }));
    expect(cards()).toHaveLength(2 * FEED_PAGE);
  });
});
