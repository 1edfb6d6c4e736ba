// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { KeptSummary } from '../storage/image-cache/kept-summary';
import { createJobsActions, jobsStore } from '../jobs/store';
import { WithI18n } from '../i18n/testing';
import type { Services } from './services';
import { ServicesProvider } from './services-context';
import { StorageNoticeBar } from './storage-notice';

const jobsActions = createJobsActions(jobsStore);

afterEach(() => {
  cleanup();
  jobsActions.setStorageNotice(null);
});

const summary: KeptSummary = {
  pictures: { count: 24, bytes: 18_200_000, direct: 18, relay: 6 },
  clips: { count: 4, bytes: 9_100_000 },
  thumbnails: { count: 24, bytes: 1_000_000 },
  offline: { pictures: 6, clips: 0 },
  estimate: null,
};

function renderBar() {
  const services = { persistence: { keptSummary: async () => summary } } as unknown as Services;
  render(
    <ServicesProvider services={services}>
      <StorageNoticeBar onDismiss={() => jobsActions.setStorageNotice(null)} />
    </ServicesProvider>,
    { wrapper: WithI18n },
  );
}

describe('StorageNoticeBar', () => {
  it('says which kinds were removed when storage ran short, what is still kept, and can be dismissed', async () => {
    renderBar();
    expect(screen.queryByRole('status')).toBeNull();
    act(() =>
      jobsActions.setStorageNotice({
        kind: 'evicted',
        message: {
          code: 'storage.evicted',
          params: { images: 3, clips: 1, relayed: 0, thumbs: 0 },
        },
        at: 1,
      }),
    );
    expect(screen.getByRole('status').textContent).toContain('3 older kept pictures');
    expect(
      await screen.findByText(
        'Still kept: 24 pictures (18.2 MB) · 6 in offline cache · 4 clips (9.1 MB)',
      ),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('counts nothing for a notice that is not about room', () => {
    renderBar();
    act(() =>
      jobsActions.setStorageNotice({
        kind: 'outdated',
        message: { code: 'storage.updated-elsewhere' },
        at: 2,
      }),
    );
    expect(screen.getByRole('status').textContent).toBe(
      'Imagine Studio was updated in another tab. Reload this tab to keep saving history.Dismiss',
    );
  });
});
