import { describe, expect, it } from 'vitest';
import { isClip } from './eviction';
import { i18n } from '@lingui/core';
import { say } from '../../i18n/say';
import { storageMsg } from '../storage-codes';
import { withRoom, type Evicted } from './room';

/** The notice after an eviction, as the page shows it. */
const evictedMessage = (evicted: Evicted) =>
  say(storageMsg('storage.evicted', { ...evicted }), i18n);

const quota = () => Object.assign(new Error('full'), { name: 'QuotaExceededError' });

describe('eviction notice', () => {
  it('counts video clips apart from pictures, and says how the pictures had been kept', () => {
    expect(evictedMessage({ images: 1, clips: 0 })).toMatch(
      /^Storage was full, so 1 older kept picture \(read directly from the picture host\) was removed/,
    );
    expect(evictedMessage({ images: 3, clips: 2, relayed: 1, thumbs: 3 })).toMatch(
      /so 2 older video clips and 3 older kept pictures \(2 read directly, 1 through the studio server\) with 3 thumbnails were removed/,
    );
    expect(evictedMessage({ images: 2, clips: 0, relayed: 2 })).toMatch(
      /2 older kept pictures \(read through the studio server\) were/,
    );
    expect(evictedMessage({ images: 0, clips: 1 })).toMatch(/so 1 older video clip was removed/);
  });

  it('withRoom evicts until the write fits and tells both counts', async () => {
    const notices: string[] = [];
    let tries = 0;
    const evictions: Evicted[] = [
      { images: 1, clips: 0, relayed: 1, thumbs: 1 },
      { images: 0, clips: 2 },
    ];
    const result = await withRoom(
      {
        evict: async () => evictions.shift()!,
        notice: (_kind, message) => notices.push(say(message, i18n)),
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
      expect.stringMatching(
        /2 older video clips and 1 older kept picture \(read through the studio server\) with 1 thumbnail were/,
      ),
    ]);
  });

  it('knows a clip by its type or its file name', () => {
    expect(isClip(new Blob([], { type: 'video/mp4' }))).toBe(true);
    expect(isClip(new Blob([]), 'https://cdn.example/v/0_1.mp4?ex=1')).toBe(true);
    expect(isClip(new Blob([], { type: 'image/png' }), 'https://cdn.example/a.png')).toBe(false);
  });
});
