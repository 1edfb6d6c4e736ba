// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { activateLocale } from '../i18n/activate';
import { WithI18n } from '../i18n/testing';
import type { KeptSummary } from '../storage/image-cache/kept-summary';
import { createJobsActions, jobsStore } from '../jobs/store';
import type { Services } from './services';
import { ServicesProvider } from './services-context';
import { StorageNoticeBar } from './storage-notice';

const jobsActions = createJobsActions(jobsStore);

afterEach(async () => {
  cleanup();
  jobsActions.setStorageNotice(null);
  await activateLocale('en');
});

describe('StorageNoticeBar in Simplified Chinese', () => {
  it('says the jobs layer’s notice in Chinese, and in English again after a switch', async () => {
    await activateLocale('zh-CN');
    const summary: KeptSummary = {
      pictures: { count: 24, bytes: 18_200_000, direct: 18, relay: 6 },
      clips: { count: 4, bytes: 9_100_000 },
      thumbnails: { count: 24, bytes: 1_000_000 },
      offline: { pictures: 6, clips: 0 },
      estimate: null,
    };
    const services = { persistence: { keptSummary: async () => summary } } as unknown as Services;
    render(
      <ServicesProvider services={services}>
        <StorageNoticeBar onDismiss={() => undefined} />
      </ServicesProvider>,
      { wrapper: WithI18n },
    );
    const message = { code: 'storage.evicted', params: { images: 2, clips: 0 } };
    act(() => jobsActions.setStorageNotice({ kind: 'evicted', message, at: 1 }));
    expect(screen.getByRole('status').textContent).toContain(
      '存储空间已满，已从本设备移除 2 张较早保存的图片（直接从图片服务器读取）。',
    );
    expect(
      await screen.findByText(
        '仍保存：24 张图片（18.2 MB） · 离线缓存中 6 个 · 4 个视频片段（9.1 MB）',
      ),
    ).toBeTruthy();
    await act(() => activateLocale('en'));
    expect(screen.getByRole('status').textContent).toContain(
      'Storage was full, so 2 older kept pictures (read directly from the picture host) were removed from this device. Their jobs are kept; they load from the service while its links last.',
    );
    expect(
      screen.getByText('Still kept: 24 pictures (18.2 MB) · 6 in offline cache · 4 clips (9.1 MB)'),
    ).toBeTruthy();
  });
});
