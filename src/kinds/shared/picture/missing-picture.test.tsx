// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { WithI18n } from '../../../i18n/testing';
import type { PictureProblem } from '../../../storage/image-cache/kept-copy';
import type { Job } from '../../../jobs/job';
import { FeedActionsContext } from '../card-actions';
import { testFeedActions } from '../fixtures/test-actions';
import { MissingPicture } from './missing-picture';

const job: Job = {
  id: 'j',
  traceId: 't-j',
  request: { prompt: 'a lighthouse' },
  delivery: 'stream',
  status: 'done',
  progress: 100,
  result: { image_url: 'https://cdn.example:8443/p.png?ex=10', actions: [] },
  createdAt: 1,
  updatedAt: 2,
  attempts: 1,
};

afterEach(cleanup);

/** What the card says for `problem`, and how many times Try again asked to load it again. */
async function said(problem: PictureProblem) {
  let retried = 0;
  const actions = testFeedActions({ pictureProblem: async () => problem });
  render(
    <FeedActionsContext.Provider value={actions}>
      <MissingPicture job={job} onRetry={() => (retried += 1)} />
    </FeedActionsContext.Provider>,
    { wrapper: WithI18n },
  );
  const status = screen.getByRole('status');
  await waitFor(() => expect(status.textContent).not.toBe(''));
  const tryAgain = screen.queryByRole('button', { name: 'Try again' });
  if (tryAgain) fireEvent.click(tryAgain);
  return { text: status.textContent, retried };
}

describe('a missing picture says why', () => {
  it('offline: the only case that promises a retry when the network is back', async () => {
    expect((await said({ code: 'offline' })).text).toBe(
      'Final image not loaded yet — will retry when online',
    );
  });

  it('an untrusted host is named, with PICTURE_ORIGINS, and no retry is promised', async () => {
    const { text } = await said({ code: 'untrusted', origin: 'https://cdn.example:8443' });
    expect(text).toBe(
      'The picture host cdn.example:8443 is not trusted by this studio, so the picture cannot be shown. Add https://cdn.example:8443 to PICTURE_ORIGINS on the studio server.',
    );
  });

  it('an expired link with no copy says so', async () => {
    expect((await said({ code: 'expired' })).text).toBe(
      "The picture's link has expired and no copy was kept in this browser.",
    );
  });

  it('a picture that just did not load offers Try again, promising nothing', async () => {
    const { text, retried } = await said({ code: 'unloaded' });
    expect(text).toBe('The picture could not be loaded. Try again');
    expect(retried).toBe(1);
  });
});
