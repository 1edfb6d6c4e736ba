// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createJobsActions, jobsStore } from '../jobs/store';
import { WithI18n } from '../i18n/testing';
import { StorageNoticeBar } from './storage-notice';

const jobsActions = createJobsActions(jobsStore);

afterEach(() => {
  cleanup();
  jobsActions.setStorageNotice(null);
});

describe('StorageNoticeBar', () => {
  it('says when storage ran short, and can be dismissed', () => {
    render(<StorageNoticeBar onDismiss={() => jobsActions.setStorageNotice(null)} />, {
      wrapper: WithI18n,
    });
    expect(screen.queryByRole('status')).toBeNull();
    act(() =>
      jobsActions.setStorageNotice({
        kind: 'evicted',
        message: 'Storage is nearly full: the 3 oldest cached images were removed.',
        at: 1,
      }),
    );
    expect(screen.getByRole('status').textContent).toContain('3 oldest cached images');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('status')).toBeNull();
  });
});
