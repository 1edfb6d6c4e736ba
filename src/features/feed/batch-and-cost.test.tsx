// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { GRID_ACTIONS } from '../../api/contract';
import { WithI18n } from '../../i18n/testing';
import type { Job } from '../../jobs/job';
import { createJobsActions, jobsStore } from '../../jobs/store';
import { FeedActionsContext } from '../../kinds/shared/card-actions';
import { loadKindCards, testFeedActions } from '../../kinds/shared/fixtures/test-actions';
import { FeedWindowContext, type FeedWindow } from './feed-window';
import { JobCard } from './job-card';

// The cards load with the studio's start; here, before the first render.
beforeAll(loadKindCards);

const jobsActions = createJobsActions(jobsStore);

afterEach(() => {
  cleanup();
  jobsActions.reset();
});

const job = (id: string, extra: Partial<Job> = {}): Job => ({
  id,
  traceId: `t-${id}`,
  request: { prompt: `a ${id} bird` },
  delivery: 'stream',
  status: 'done',
  progress: 100,
  result: {
    image_id: `img-${id}`,
    image_url: `https://cdn.test/${id}.png`,
    actions: [...GRID_ACTIONS],
  },
  createdAt: 1,
  updatedAt: 2,
  attempts: 1,
  ...extra,
});

function renderCards(ids: string[], mode: 'fast' | 'turbo' = 'fast') {
  const reveal = vi.fn();
  const feedWindow: FeedWindow = { useLimit: () => 24, showMore: () => undefined, reveal };
  render(
    <FeedActionsContext.Provider value={testFeedActions({ useCurrentMode: () => mode })}>
      <FeedWindowContext.Provider value={feedWindow}>
        {ids.map((id) => (
          <JobCard key={id} jobId={id} />
        ))}
      </FeedWindowContext.Provider>
    </FeedActionsContext.Provider>,
    { wrapper: WithI18n },
  );
  return { reveal };
}

const description = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

describe('action buttons show what they would spend', () => {
  it('each button carries its relative cost at the current mode; its name stays the action', () => {
    jobsActions.merge([job('red')]);
    renderCards(['red'], 'turbo');
    const u1 = screen.getByRole('button', { name: 'U1' });
    expect(u1.dataset.cost).toBe('≈×2');
    expect(description(u1)).toMatch(
      /^Relative cost ×2 .*: action \(rate not published\), turbo ×2/,
    );
    expect(screen.getByRole('button', { name: 'Reroll' }).dataset.cost).toBe('≈×2');
  });
});

describe('Batch of N on a card', () => {
  it('each card of a batch says so and leads to the next sibling, the last to the first', () => {
    const batch = (index: number) => ({ id: 'b-1', size: 3, index });
    jobsActions.merge([
      job('red', { batch: batch(0) }),
      job('blue', { batch: batch(1) }),
      job('gold', { batch: batch(2) }),
      job('lone'),
    ]);
    const { reveal } = renderCards(['red', 'blue', 'gold', 'lone']);
    const [red, blue, gold, lone] = screen.getAllByRole('article');
    const link = (card: HTMLElement) => within(card).getByRole('button', { name: /Batch of 3/ });
    expect(link(blue!).textContent).toBe('Batch of 3 · 2/3');
    fireEvent.click(link(red!));
    fireEvent.click(link(gold!));
    expect(reveal.mock.calls).toEqual([['blue'], ['red']]);
    expect(within(lone!).queryByRole('button', { name: /Batch of/ })).toBeNull();
  });
});
