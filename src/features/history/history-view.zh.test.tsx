// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { activateLocale } from '../../i18n/activate';
import { WithI18n } from '../../i18n/testing';
import type { Job } from '../../jobs/job';
import { createPersistence, type Persistence } from '../../storage/persistence/persistence';
import { createJobsActions, createJobsStore, type JobsStore } from '../../jobs/store';
import { testSink } from '../../jobs/fixtures/store-sink';
import { HistoryView } from './history-view';
import { jobKinds } from '../../kinds/registry';

let dbCount = 0;
let persistence: Persistence | undefined;

/** Noon, local time, on 30 November 2026: the same calendar day in every time zone's display. */
const CREATED = new Date(2026, 10, 30, 12).getTime();

function zoomJob(): Job {
  return {
    id: 'z1',
    traceId: 't-z1',
    request: { action: 'zoom_out_2x', image_id: 'img-0' },
    parent: { jobId: 'gone', imageId: 'img-0', action: 'zoom_out_2x', label: 'a quiet harbour' },
    delivery: 'stream',
    status: 'failed',
    progress: 0,
    error: { kind: 'lost', reason: { code: 'job.no-record' } },
    createdAt: CREATED,
    updatedAt: CREATED,
    attempts: 1,
  };
}

async function renderView(jobs: Job[] = []) {
  const store: JobsStore = createJobsStore();
  persistence = createPersistence({
    kinds: jobKinds(),
    sink: testSink(store),
    dbName: `history-zh-${++dbCount}`,
    channelName: `history-zh-${dbCount}`,
  });
  for (const job of jobs) await persistence.saveJob(job);
  createJobsActions(store).merge(jobs);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <HistoryView
        onOpenJob={() => undefined}
        store={store}
        persistence={persistence}
        initialRect={{ width: 1200, height: 2000 }}
      />
    </QueryClientProvider>,
    { wrapper: WithI18n },
  );
  return screen.getByRole('region', { name: '历史' });
}

afterEach(async () => {
  cleanup();
  persistence?.close();
  await activateLocale('en');
});

describe('HistoryView in Simplified Chinese', () => {
  it('says the empty history in Chinese, with its search, filters and bulk actions', async () => {
    await activateLocale('zh-CN');
    const region = await renderView();
    expect(within(region).getByText('还没有历史记录：先生成点什么吧。')).toBeTruthy();
    expect(within(region).getByRole('searchbox', { name: '搜索提示词' })).toBeTruthy();
    fireEvent.click(within(region).getByRole('button', { name: '筛选' }));
    const action = within(region).getByRole('combobox', { name: '操作' }) as HTMLSelectElement;
    expect([...action.options].map((o) => o.textContent)).toEqual([
      '全部',
      '生成',
      '放大',
      '变化',
      '缩放',
      '平移',
      '局部重绘',
      '重新生成',
      '视频',
      '其他',
    ]);
    expect(within(region).getByRole('button', { name: '导出历史' })).toBeTruthy();
    expect(within(region).getByText('0 个任务')).toBeTruthy();
    expect(await within(region).findByText('已保存的副本：暂无')).toBeTruthy();
  });

  it('shows a tile with its action, status and a zh-CN date, and the lineage in Chinese', async () => {
    await activateLocale('zh-CN');
    const region = await renderView([zoomJob()]);
    const tile = within(region).getByRole('group', { name: '图库' });
    expect(within(tile).getByText('缩小 2 倍')).toBeTruthy();
    expect(within(tile).getAllByText('失败').length).toBeGreaterThan(0);
    expect(within(tile).getByText('2026年11月30日')).toBeTruthy();
    expect(within(tile).getByRole('checkbox', { name: '选择 a quiet harbour' })).toBeTruthy();

    fireEvent.click(within(tile).getByRole('button', { name: /a quiet harbour/ }));
    const panel = within(region).getByRole('complementary', { name: '衍生关系' });
    expect(within(panel).getByText('服务端没有此任务的记录。')).toBeTruthy();
    expect(within(panel).getByText('一张已不在历史中的图片。')).toBeTruthy();
    expect(within(panel).getByRole('button', { name: '在工作台中打开' })).toBeTruthy();
  });
});
