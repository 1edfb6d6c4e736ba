import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Clip, clipSize, extendClip, makeClips } from './clips';
import { decodeFrames, probeClip } from './probe';
import {
  alive,
  asFrame,
  avcProfile,
  ffmpegChildren,
  meanDiff,
  scene,
} from './fixtures/video-test-kit';

// Encoding four clips takes a few seconds on a busy 2-core machine.
const SLOW = 180_000;

describe('clipSize', () => {
  it('makes the resolution the short side, keeps the aspect and both sides even', () => {
    expect(clipSize(1600, 900, '480p')).toEqual({ width: 854, height: 480 });
    expect(clipSize(1600, 900, '720p')).toEqual({ width: 1280, height: 720 });
    expect(clipSize(900, 1600, '480p')).toEqual({ width: 480, height: 854 });
    expect(clipSize(1024, 1024, '720p')).toEqual({ width: 720, height: 720 });
    expect(clipSize(560, 688, '480p')).toEqual({ width: 480, height: 590 });
    // Panoramas are cropped to 3:1 rather than making a clip no player shows well.
    expect(clipSize(5000, 500, '480p')).toEqual({ width: 1440, height: 480 });
  });
});

describe('makeClips', () => {
  let image: Buffer;
  let clips: Clip[];
  beforeAll(async () => {
    image = await scene(1600, 900);
    clips = await makeClips(image, { resolution: '480p' });
  }, SLOW);

  it('answers four H.264 MP4s of the asked size and length that a browser can stream', async () => {
    expect(clips).toHaveLength(4);
    for (const clip of clips) {
      expect(await probeClip(clip.mp4)).toEqual({
        width: 854,
        height: 480,
        frames: 60,
        durationSeconds: 2.5,
      });
      expect(clip).toMatchObject({
        width: 854,
        height: 480,
        frames: 60,
        fps: 24,
        durationSeconds: 2.5,
      });
      expect(clip.mp4.subarray(4, 8).toString()).toBe('ftyp');
      // faststart: the index comes before the media, so playback starts before the download ends.
      expect(clip.mp4.indexOf('moov')).toBeLessThan(clip.mp4.indexOf('mdat'));
      expect(avcProfile(clip.mp4)).toBe(77);
    }
  });

  it('starts every clip on the picture itself, and its cover is that first frame', async () => {
    const whole = await asFrame(image, 854, 480);
    for (const clip of clips) {
      const [first] = await decodeFrames(clip.mp4, [0]);
      expect(meanDiff(first!.data, whole)).toBeLessThan(4);
      const cover = await sharp(clip.cover).raw().toBuffer({ resolveWithObject: true });
      expect(cover.info).toMatchObject({ format: 'raw', width: 854, height: 480, channels: 3 });
      expect((await sharp(clip.cover).metadata()).format).toBe('jpeg');
      expect(meanDiff(cover.data, first!.data)).toBeLessThan(4);
    }
  });

  it('moves: the last frame differs from the first, and each clip moves its own way', async () => {
    const lasts: Uint8Array[] = [];
    for (const clip of clips) {
      const [first, last] = await decodeFrames(clip.mp4, [0, -1]);
      expect(meanDiff(first!.data, last!.data)).toBeGreaterThan(8);
      lasts.push(last!.data);
    }
    for (let i = 0; i < 4; i++) {
      for (let j = i + 1; j < 4; j++) expect(meanDiff(lasts[i]!, lasts[j]!)).toBeGreaterThan(5);
    }
  });

  it('moves smoothly: neighbouring frames are close, far ones are not', async () => {
    const frames = await decodeFrames(clips[0]!.mp4);
    expect(frames).toHaveLength(60);
    const steps = frames.slice(1).map((f, i) => meanDiff(f.data, frames[i]!.data));
    expect(Math.max(...steps)).toBeLessThan(6);
    expect(meanDiff(frames[30]!.data, frames[0]!.data)).toBeGreaterThan(4);
  });

  it(
    'extends a clip: four continuations that start where it ended and move on',
    async () => {
      const source = clips[1]!;
      const [end] = await decodeFrames(source.mp4, [-1]);
      const more = await extendClip(source.mp4, {});
      expect(more).toHaveLength(4);
      for (const clip of more) {
        expect(clip).toMatchObject({ width: 854, height: 480, frames: 60 });
        const [first, last] = await decodeFrames(clip.mp4, [0, -1]);
        expect(meanDiff(first!.data, end!.data)).toBeLessThan(4);
        expect(meanDiff(last!.data, end!.data)).toBeGreaterThan(6);
      }
    },
    SLOW,
  );
});

describe('makeClips options', () => {
  it(
    'loop: the last frame meets the first, after moving away in between',
    async () => {
      const clips = await makeClips(await scene(800, 800, 200), { resolution: '480p', loop: true });
      for (const clip of clips) {
        expect(clip).toMatchObject({ width: 480, height: 480 });
        const [first, middle, last] = await decodeFrames(clip.mp4, [0, 30, -1]);
        expect(meanDiff(first!.data, middle!.data)).toBeGreaterThan(8);
        expect(meanDiff(first!.data, last!.data)).toBeLessThan(3);
      }
    },
    SLOW,
  );

  it(
    'end frame: the motion arrives at the end image',
    async () => {
      const start = await scene(800, 800, 0);
      const endFrame = await scene(600, 900, 120);
      const target = await asFrame(endFrame, 480, 480);
      // `loop` too: an end frame sets the last frame, so it wins over the loop.
      const clips = await makeClips(start, { resolution: '480p', endFrame, loop: true, seed: 7 });
      for (const clip of clips) {
        const [first, last] = await decodeFrames(clip.mp4, [0, -1]);
        expect(meanDiff(first!.data, await asFrame(start, 480, 480))).toBeLessThan(4);
        expect(meanDiff(first!.data, target)).toBeGreaterThan(20);
        expect(meanDiff(last!.data, target)).toBeLessThan(4);
      }
    },
    SLOW,
  );

  it('says what to send when the image or the resolution is wrong', async () => {
    await expect(makeClips(Buffer.from('not a picture'), { resolution: '480p' })).rejects.toThrow(
      /image could not be read .*send a PNG, JPEG, WebP or GIF/,
    );
    const image = await scene(64, 64);
    await expect(makeClips(image, { resolution: '1080p' as '480p' })).rejects.toThrow(
      /use "480p" or "720p"/,
    );
    await expect(
      makeClips(image, { resolution: '480p', endFrame: Buffer.from('nope') }),
    ).rejects.toThrow(/end frame could not be read/);
    await expect(extendClip(Buffer.from('not a clip'), {})).rejects.toThrow(/ffmpeg failed/);
  });
});

describe('abort', () => {
  it(
    'kills the running ffmpeg and rejects with the reason; no process is left',
    async () => {
      const controller = new AbortController();
      const work = makeClips(await scene(1600, 900), {
        resolution: '720p',
        signal: controller.signal,
      });
      const settled = work.catch((error: unknown) => error);
      let pids: number[] = [];
      while (pids.length === 0) {
        await new Promise((r) => setTimeout(r, 10));
        pids = ffmpegChildren();
      }
      controller.abort(new DOMException('The person cancelled', 'AbortError'));
      const error = await settled;
      expect(error).toMatchObject({ name: 'AbortError', message: 'The person cancelled' });
      for (const pid of pids) expect(alive(pid)).toBe(false);
      expect(ffmpegChildren()).toEqual([]);
    },
    SLOW,
  );

  it('does nothing when already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      makeClips(await scene(64, 64), { resolution: '480p', signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(ffmpegChildren()).toEqual([]);
  });
});
