// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { WithI18n } from '../../i18n/testing';
import type { Job } from '../../jobs/job';
import { FeedActionsContext, type FeedActions } from '../shared/card-actions';
import { testFeedActions } from '../shared/fixtures/test-actions';
import { VideoCard } from './video-card';

const urls = [0, 1, 2, 3].map((i) => `https://cdn.example/v/0_${i}.mp4`);
const job: Job = {
  id: 'v1',
  kind: 'videos',
  traceId: 't1',
  request: { action: 'generate', prompt: 'waves roll in', image_url: 'https://cdn.example/a.png' },
  delivery: 'wait',
  status: 'done',
  progress: 100,
  result: {
    actions: [],
    image_url: 'https://cdn.example/v/cover.jpg',
    image_width: 854,
    image_height: 480,
    data: { video_id: '1751816807896311', video_urls: urls },
  },
  createdAt: 1,
  updatedAt: 2,
  attempts: 1,
};

function renderCard(extra: Partial<FeedActions> = {}) {
  const actions = testFeedActions(extra);
  return render(
    <FeedActionsContext.Provider value={actions}>
      <VideoCard job={job} />
    </FeedActionsContext.Provider>,
    { wrapper: WithI18n },
  );
}

afterEach(cleanup);

describe('VideoCard', () => {
  it('shows the four clips muted and looping, each with Download, Play and Extend', () => {
    const { container } = renderCard({ extendClip: () => undefined });
    const videos = [...container.querySelectorAll('video')];
    expect(videos.map((v) => v.getAttribute('src'))).toEqual(urls);
    for (const v of videos) {
      expect(v.muted).toBe(true);
      expect(v.loop).toBe(true);
      expect(v.hasAttribute('playsinline')).toBe(true);
      expect(v.getAttribute('poster')).toBe('https://cdn.example/v/cover.jpg');
    }
    for (const n of [1, 2, 3, 4]) {
      for (const verb of ['Play', 'Download', 'Extend']) {
        expect(screen.getByRole('button', { name: `${verb} clip ${n}` })).toBeTruthy();
      }
    }
  });

  it('Extend clip N asks for clip index N−1 of this job', () => {
    const extendClip = vi.fn();
    renderCard({ extendClip });
    fireEvent.click(screen.getByRole('button', { name: 'Extend clip 2' }));
    expect(extendClip).toHaveBeenCalledWith(job, 1);
  });

  it('plays on hover and focus, pauses after; the lightbox plays the clip with controls', () => {
    const play = vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
    const pause = vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(() => {});
    renderCard();
    const clip = screen.getByLabelText('Clip 3: waves roll in');
    fireEvent.mouseEnter(clip);
    fireEvent.mouseLeave(clip);
    fireEvent.focus(clip);
    expect(play).toHaveBeenCalledTimes(2);
    expect(pause).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Play clip 3' }));
    const dialog = screen.getByRole('dialog', { hidden: true });
    const big = within(dialog).getByLabelText('Clip 3: waves roll in');
    expect(big.getAttribute('src')).toBe(urls[2]);
    expect(big.hasAttribute('controls')).toBe(true);
    play.mockRestore();
    pause.mockRestore();
  });

  it('a clip plays from the copy kept on this device when there is one, else from its link', async () => {
    const cachedUrl = vi.fn(async (url: string) =>
      url === urls[1] ? 'blob:kept-clip' : undefined,
    );
    const { container } = renderCard({ cachedUrl });
    const videos = [...container.querySelectorAll('video')];
    await vi.waitFor(() =>
      expect(videos.map((v) => v.getAttribute('src'))).toEqual([
        urls[0],
        'blob:kept-clip',
        urls[2],
        urls[3],
      ]),
    );
  });

  it('a clip whose link fails plays from the copy kept since', async () => {
    const kept: { url?: string } = {};
    const cachedUrl = vi.fn(async () => kept.url);
    const { container } = renderCard({ cachedUrl });
    const second = container.querySelectorAll('video')[1]!;
    await vi.waitFor(() => expect(second.getAttribute('src')).toBe(urls[1]));
    kept.url = 'blob:kept-clip';
    fireEvent.error(second);
    await vi.waitFor(() => expect(second.getAttribute('src')).toBe('blob:kept-clip'));
    expect(cachedUrl).toHaveBeenLastCalledWith(urls[1]);
  });

  it('a clip with no copy whose link fails says exactly why instead of waiting', async () => {
    const reason =
      'the clip host allows no cross-origin reads and this host has no relay, so no copy of the clip can be kept on this device; it plays only while its link lasts';
    const clipCopy = vi.fn(async () => ({
      kind: 'none' as const,
      reason: { code: 'copy.clip-no-relay' },
    }));
    const { container } = renderCard({ cachedUrl: async () => undefined, clipCopy });
    // The set says it up front: nothing of it outlives the links.
    expect(await screen.findByText(`Clip 1: no copy, link only: ${reason}`)).toBeTruthy();
    const third = container.querySelectorAll('video')[2]!;
    await vi.waitFor(() => expect(third.getAttribute('src')).toBe(urls[2]));
    fireEvent.error(third);
    expect((await screen.findByRole('status')).textContent).toBe(
      `Clip 3 cannot play: its link failed (expired, dead or offline) and no copy was kept on this device (${reason}).`,
    );
  });

  it('says which copy of the clips is kept', async () => {
    renderCard({ clipCopy: async () => ({ kind: 'relay' }) });
    expect(await screen.findByText('Clips kept: via the studio server')).toBeTruthy();
  });

  it('Download clip N saves clip N from its kept copy, or shows why it cannot', async () => {
    const downloadClip = vi
      .fn<(url: string, name: string) => Promise<void>>()
      .mockResolvedValueOnce(undefined)
      .mockRejectedValueOnce(new Error('Download is not possible: no copy was kept (a test).'));
    renderCard({ downloadClip });
    fireEvent.click(screen.getByRole('button', { name: 'Download clip 4' }));
    expect(downloadClip).toHaveBeenCalledWith(urls[3], 'waves roll in clip 4');
    fireEvent.click(screen.getByRole('button', { name: 'Download clip 2' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Download is not possible: no copy was kept (a test).',
    );
  });
});
