import { describe, expect, it } from 'vitest';
import { isClip } from './image-cache';
import { evictedMessage, withRoom, type Evicted } from './room';

const quota = () => Object.assign(new Error('full'), { name: 'QuotaExceededError' });

describe('eviction notice', () => {
  it('counts video clips apart from images', () => {
    expect(evictedMessage({ images: 1, clips: 0 })).toMatch(
      /^Storage was full, so 1 older cached image was removed/,
    );
    expect(evictedMessage({ images: 3, clips: 2 })).toMatch(
      /so 2 older cached video clips and 3 older cached images were removed/,
    );
    expect(evictedMessage({ images: 0, clips: 1 })).toMatch(/1 older cached video clip was/);
  });

  it('withRoom evicts until the write fits and tells both counts', async () => {
    const notices: string[] = [];
    let tries = 0;
    const evictions: Evicted[] = [
      { images: 1, clips: 0 },
      { images: 0, clips: 2 },
    ];
    const result = await withRoom(
      {
        evict: async () => evictions.shift()!,
        notice: (_kind, message) => notices.push(message),
      },
      async () => {
        tries += 1;
        if (tries < 3) throw quota();
        return 'saved';
      },
      1000,
    );
    expect(result).toBe('saved');
    expect(notices).toEqual([
      expect.stringMatching(/2 older cached video clips and 1 older cached image were/),
    ]);
  });

  it('knows a clip by its type or its file name', () => {
    expect(isClip(new Blob([], { type: 'video/mp4' }))).toBe(true);
    expect(isClip(new Blob([]), 'https://cdn.example/v/0_1.mp4?ex=1')).toBe(true);
    expect(isClip(new Blob([], { type: 'image/png' }), 'https://cdn.example/a.png')).toBe(false);
  });
});
