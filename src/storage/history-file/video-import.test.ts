import { beforeAll, describe, expect, it } from 'vitest';
import { readHistoryJob } from './read-history';
import { jobKinds } from '../../kinds/registry';

// The kinds read answers and requests with the job schemas, which the runner loads first.
beforeAll(() => jobKinds().loadAll());

const videoJob = {
  id: 'v-1',
  kind: 'videos',
  traceId: 't-1',
  request: {
    action: 'extend',
    video_id: '1751816807896311',
    video_index: 1,
    prompt: 'waves roll in',
    resolution: '480p',
    mode: 'turbo',
    callback_url: 'https://attacker.example/hook',
  },
  delivery: 'async',
  parent: { jobId: 'v-0', imageId: '1751816807896311', action: 'extend', label: 'Clip 2 of waves' },
  status: 'done',
  progress: 100,
  result: {
    actions: [],
    image_url: 'https://cdn.example/cover.jpg',
    data: { video_id: '1751818094559027', video_urls: ['a.mp4', 'b.mp4', 'c.mp4', 'd.mp4'] },
  },
  createdAt: 1,
  updatedAt: 2,
  attempts: 1,
};

describe('importing a video job', () => {
  it('keeps the fields a videos request takes, its clips and lineage; drops mode and callback', () => {
    const dropped: Record<string, number> = {};
    const job = readHistoryJob(videoJob, 0, dropped, jobKinds());
    expect(job.request).toEqual({
      action: 'extend',
      video_id: '1751816807896311',
      video_index: 1,
      prompt: 'waves roll in',
      resolution: '480p',
    });
    expect(job.result?.data).toEqual(videoJob.result.data);
    expect(job.parent).toEqual(videoJob.parent);
    expect(dropped).toMatchObject({ 'request.mode': 1, 'request.callback_url': 1 });
  });
});
