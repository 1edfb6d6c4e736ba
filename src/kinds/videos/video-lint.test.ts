import { describe, expect, it } from 'vitest';
import { lintVideoRequest, videoModeFor } from './video-lint';

const IMAGE = 'https://cdn.acedata.cloud/jgo1cw.jpg';
const errors = (r: Record<string, unknown>) =>
  lintVideoRequest(r, { origin: 'http://localhost' })
    .filter((i) => i.severity === 'error')
    .map((i) => i.param);

describe('lintVideoRequest', () => {
  it('a generate with an image and the documented options is clean', () => {
    expect(
      lintVideoRequest({ action: 'generate', image_url: IMAGE, mode: 'turbo', resolution: '720p' }),
    ).toEqual([]);
  });

  it('refuses relax, unknown resolutions and modes, and generate without an image', () => {
    expect(errors({ image_url: IMAGE, mode: 'relax' })).toEqual(['mode']);
    expect(lintVideoRequest({ image_url: IMAGE, mode: 'relax' })[0]!.message).toMatch(
      /no relax mode: choose fast or turbo/,
    );
    expect(errors({ image_url: IMAGE, resolution: '1080p' })).toEqual(['resolution']);
    expect(errors({ image_url: IMAGE, mode: 'slow' })).toEqual(['mode']);
    expect(errors({ action: 'generate', prompt: 'a cat walks' })).toEqual(['image_url']);
    expect(errors({ action: 'remix', image_url: IMAGE })).toEqual(['action']);
  });

  it('checks the image and end frame links as image links', () => {
    expect(errors({ image_url: 'https://example.com/gallery' })).toEqual(['image_url']);
    const end = lintVideoRequest({ image_url: IMAGE, end_image_url: 'ftp://x/y.png' });
    expect(end[0]).toMatchObject({ severity: 'error', param: 'end_image_url' });
    expect(end[0]!.message).toMatch(/^End frame: /);
    const loop = lintVideoRequest({ image_url: IMAGE, end_image_url: IMAGE, loop: true });
    expect(loop).toEqual([expect.objectContaining({ severity: 'note', param: 'loop' })]);
  });

  it('extend takes a video id and a clip index 0–3, and warns about generate-only fields', () => {
    expect(errors({ action: 'extend', video_id: '1751816807896311', video_index: 1 })).toEqual([]);
    expect(errors({ action: 'extend', video_index: 1 })).toEqual(['video_id']);
    expect(errors({ action: 'extend', video_id: '1', video_index: 4 })).toEqual(['video_index']);
    const extra = lintVideoRequest({
      action: 'extend',
      video_id: '1',
      image_url: IMAGE,
      loop: true,
    });
    expect(extra.map((i) => [i.severity, i.param])).toEqual([
      ['warning', 'image_url'],
      ['warning', 'loop'],
    ]);
  });

  it('maps Settings modes to video modes', () => {
    expect(videoModeFor('relax')).toBe('fast');
    expect(videoModeFor('turbo')).toBe('turbo');
    expect(videoModeFor(undefined)).toBe('fast');
  });
});
