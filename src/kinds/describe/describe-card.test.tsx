// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { WithI18n } from '../../i18n/testing';
import type { Job } from '../../jobs/job';
import { FeedActionsContext } from '../shared/card-actions';
import { testFeedActions } from '../shared/fixtures/test-actions';
import { DescribeCard } from './describe-card';

const job = (over: Partial<Job>): Job => ({
  id: 'd1',
  kind: 'describe',
  traceId: 't1',
  request: { image_url: 'https://cdn.example/a.png' },
  delivery: 'wait',
  status: 'running',
  progress: 0,
  createdAt: 1_000,
  startedAt: 1_000,
  updatedAt: 1_000,
  attempts: 1,
  ...over,
});

afterEach(cleanup);

describe('DescribeCard', () => {
  it('has the × and the timer every card has: the timer counts while it runs and stops when done', () => {
    const dismiss = vi.fn();
    const draw = (j: Job) => (
      <FeedActionsContext.Provider value={testFeedActions({ dismiss })}>
        <DescribeCard job={j} />
      </FeedActionsContext.Provider>
    );
    vi.useFakeTimers({ now: 66_000, toFake: ['Date', 'setInterval', 'clearInterval'] });
    try {
      const { rerender } = render(draw(job({})), { wrapper: WithI18n });
      const card = screen.getByRole('article', { name: 'Describe' });
      expect(within(card).getByLabelText('Elapsed 1:05').textContent).toBe('1:05');
      act(() => vi.advanceTimersByTime(2_000));
      expect(within(card).getByLabelText('Elapsed 1:07')).toBeTruthy();
      rerender(draw(job({ status: 'done', finishedAt: 13_000, result: { actions: [] } })));
      act(() => vi.advanceTimersByTime(5_000));
      expect(within(card).getByLabelText('Elapsed 0:12')).toBeTruthy();
      fireEvent.click(within(card).getByRole('button', { name: 'Delete' }));
      expect(dismiss).toHaveBeenCalledWith('d1');
    } finally {
      vi.useRealTimers();
    }
  });

  it('says Cancelled on a cancelled describe, not Describing', () => {
    render(
      <FeedActionsContext.Provider value={testFeedActions()}>
        <DescribeCard job={job({ status: 'cancelled', finishedAt: 2_000 })} />
      </FeedActionsContext.Provider>,
      { wrapper: WithI18n },
    );
    const card = screen.getByRole('article', { name: 'Describe' });
    expect(card.querySelector('.status-chip')?.textContent).toBe('Cancelled');
    expect(within(card).getByRole('button', { name: 'Retry' })).toBeTruthy();
  });
});
