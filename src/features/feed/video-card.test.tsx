// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { WithI18n } from '../../i18n/testing';
import type { Job } from '../../jobs/job';
import { FeedActionsContext, type FeedActions } from './feed-actions';
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
  const noop = () => undefined;
  const actions: FeedActions = {
    act: noop,
    varyRegion: noop,
    cancel: noop,
    retry: noop,
    checkAgain: noop,
    referenceImage: noop,
    openSettings: noop,
    cachedImage: async () => undefined,
    keptCopy: async () => ({ kind: 'none', reason: 'a test' }),
    download: async () => undefined,
    dismiss: noop,
    editAndRetry: noop,
    useCurrentTarget: () => 'local',
    cardOf: () => 'video',
    ...extra,
  };
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

  it('a clip whose link fails plays from the copy kept on this device', async () => {
    const cachedUrl = vi.fn(async () => 'blob:kept-clip');
    const { container } = renderCard({ cachedUrl });
    const second = container.querySelectorAll('video')[1]!;
    fireEvent.error(second);
    await vi.waitFor(() => expect(second.getAttribute('src')).toBe('blob:kept-clip'));
    expect(cachedUrl).toHaveBeenCalledWith(urls[1]);
  });
});
