// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { activateLocale } from '../i18n/activate';
import { WithI18n } from '../i18n/testing';
import { evictedMessage } from '../jobs/image-cache/room';
import { createJobsActions, jobsStore } from '../jobs/store';
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
    render(<StorageNoticeBar onDismiss={() => undefined} />, { wrapper: WithI18n });
    const message = evictedMessage({ images: 2, clips: 0 });
    act(() => jobsActions.setStorageNotice({ kind: 'evicted', message, at: 1 }));
    expect(screen.getByRole('status').textContent).toContain(
      '存储空间已满，已从本设备移除 2 张较早缓存的图片。',
    );
    await act(() => activateLocale('en'));
    expect(screen.getByRole('status').textContent).toContain(message);
  });
});
