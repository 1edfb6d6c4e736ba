// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { UPSCALED_ACTIONS, GRID_ACTIONS } from '../../api/contract';
import { activateLocale } from '../../i18n/activate';
import { WithI18n } from '../../i18n/testing';
import type { Job } from '../../jobs/job';
import { createJobsActions, jobsStore } from '../../jobs/store';
import { FeedActionsContext } from '../../kinds/shared/card-actions';
import { loadKindCards, testFeedActions } from '../../kinds/shared/fixtures/test-actions';
import { createFeedWindow, FeedWindowContext } from './feed-window';
import { JobCard } from './job-card';

// The cards load with the studio's start; here, before the first render.
beforeAll(loadKindCards);

const jobsActions = createJobsActions(jobsStore);
const actions = testFeedActions({ keptCopy: async () => ({ kind: 'blob' }) });

const PROMPT = 'a lighthouse on a cliff at dusk';
const grid: Job = {
  id: 'grid',
  traceId: 't-grid',
  request: { prompt: PROMPT },
  delivery: 'stream',
  status: 'done',
  progress: 100,
  result: {
    image_id: 'img-grid',
    image_url: 'https://cdn.test/grid.png',
    raw_image_url: 'https://cdn.test/grid-raw.png',
    actions: [...GRID_ACTIONS],
  },
  createdAt: 1,
  updatedAt: 2,
  finishedAt: 2,
  attempts: 1,
};
const upscale: Job = {
  ...grid,
  id: 'u2',
  traceId: 't-u2',
  request: { action: 'upscale2', image_id: 'img-grid' },
  parent: { jobId: 'grid', imageId: 'img-grid', action: 'upscale2', label: PROMPT },
  result: {
    image_id: 'img-u2',
    image_url: 'https://cdn.test/u2.png',
    raw_image_url: 'https://cdn.test/u2-raw.png',
    actions: [...UPSCALED_ACTIONS],
  },
};

function renderCards() {
  render(
    <FeedActionsContext.Provider value={actions}>
      <FeedWindowContext.Provider value={createFeedWindow(jobsStore)}>
        <JobCard jobId="grid" />
        <JobCard jobId="u2" />
      </FeedWindowContext.Provider>
    </FeedActionsContext.Provider>,
    { wrapper: WithI18n },
  );
}

afterEach(async () => {
  cleanup();
  jobsActions.reset();
  await activateLocale('en');
});

describe('JobCard in Simplified Chinese', () => {
  it('names every action button, the status and the lineage in Chinese; U/V stay', async () => {
    await activateLocale('zh-CN');
    jobsActions.merge([grid, upscale]);
    renderCards();
    const [gridCard, upCard] = screen.getAllByRole('article');
    const gridBar = within(gridCard!).getByRole('group', { name: '操作' });
    expect(
      within(gridBar)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['U1', 'U2', 'U3', 'U4', 'V1', 'V2', 'V3', 'V4', '重新生成']);

    const upBar = within(upCard!).getByRole('group', { name: '操作' });
    expect(
      within(upBar)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual([
      '放大 2 倍',
      '放大 4 倍',
      '变化（微妙）',
      '变化（强烈）',
      '缩小 2 倍',
      '缩小 1.5 倍',
      '向左平移',
      '向右平移',
      '向上平移',
      '向下平移',
      '局部重绘',
    ]);
    // The card is named by its lineage in Chinese word order, the parent first.
    expect(upCard!.getAttribute('aria-label')).toBe(`“${PROMPT}” 的 U2`);
    expect(within(upCard!).getAllByText('已完成').length).toBeGreaterThan(0);
    expect(within(upCard!).getByRole('button', { name: '删除' })).toBeTruthy();
    expect(within(upCard!).getByRole('button', { name: '下载' })).toBeTruthy();
    expect(await within(upCard!).findByText('已保存：本浏览器')).toBeTruthy();
  });

  it('switches back to English without a reload', async () => {
    await activateLocale('zh-CN');
    jobsActions.merge([grid, upscale]);
    renderCards();
    expect(screen.getByRole('button', { name: '缩小 2 倍' })).toBeTruthy();
    await act(() => activateLocale('en'));
    expect(screen.getByRole('button', { name: 'Zoom Out 2x' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Vary (Region)' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '缩小 2 倍' })).toBeNull();
  });
});
