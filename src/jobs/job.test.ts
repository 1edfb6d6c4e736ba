import { describe, expect, it } from 'vitest';
import { jobTitle } from './job';

describe('jobTitle', () => {
  it('is the trimmed prompt when there is one', () => {
    expect(jobTitle({ request: { prompt: ' a fox ' } })).toBe('a fox');
    expect(
      jobTitle({
        request: { prompt: 'a cat', action: 'upscale1' },
        parent: { imageId: 'i', action: 'upscale1', label: 'a fox' },
      }),
    ).toBe('a cat');
  });

  it("falls back to the parent's label, then to Untitled", () => {
    expect(
      jobTitle({
        request: { action: 'upscale1' },
        parent: { imageId: 'i', action: 'upscale1', label: ' a fox ' },
      }),
    ).toBe('a fox');
    expect(
      jobTitle({ request: { prompt: '   ' }, parent: { imageId: 'i', action: 'pan_left' } }),
    ).toBe('Untitled');
    expect(jobTitle({ request: {} })).toBe('Untitled');
  });
});
