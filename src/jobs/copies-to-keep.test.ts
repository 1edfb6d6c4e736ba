import { describe, expect, it } from 'vitest';
import { copiesToKeep } from './copies-to-keep';
import type { Job } from './job';
import { jobKinds } from '../kinds/registry';

const kinds = jobKinds();
const LIVE = 'ex=ffffffff';
const job = (id: string, createdAt: number, patch: Partial<Job>): Job => ({
  id,
  traceId: `t-${id}`,
  request: { prompt: id },
  delivery: 'stream',
  status: 'done',
  progress: 100,
  createdAt,
  updatedAt: createdAt,
  attempts: 1,
  ...patch,
});

describe('copiesToKeep', () => {
  it('the final pictures of finished jobs whose links live, newest first, each once', () => {
    const jobs = [
      job('old', 1, { result: { raw_image_url: `https://cdn/old.png?${LIVE}`, actions: [] } }),
      job('new', 3, { result: { raw_image_url: `https://cdn/new.png?${LIVE}`, actions: [] } }),
      job('same', 2, { result: { raw_image_url: `https://cdn/new.png?${LIVE}`, actions: [] } }),
      // Expired (0x10 s after the epoch): nothing can keep it any more.
      job('expired', 4, { result: { raw_image_url: 'https://cdn/x.png?ex=10', actions: [] } }),
      job('running', 5, { status: 'running', result: undefined }),
      job('failed', 6, { status: 'failed' }),
      job('blob', 7, { result: { raw_image_url: 'blob:http://studio/1', actions: [] } }),
      job('clip', 8, {
        kind: 'videos',
        result: {
          actions: [],
          image_url: `https://cdn/cover.jpg?${LIVE}`,
          data: { video_id: 'v', video_urls: [`https://cdn/0.mp4?${LIVE}`] },
        },
      }),
    ];
    expect(copiesToKeep(jobs, (j) => kinds.of(j), 20_000)).toEqual([
      `https://cdn/cover.jpg?${LIVE}`,
      `https://cdn/0.mp4?${LIVE}`,
      `https://cdn/new.png?${LIVE}`,
      `https://cdn/old.png?${LIVE}`,
    ]);
  });
});
