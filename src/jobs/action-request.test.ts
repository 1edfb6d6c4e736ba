import { describe, expect, it } from 'vitest';
import { actionSubmission } from './action-request';

const upscaled = {
  id: 'job-1',
  request: { prompt: 'a red fox' },
  result: { image_id: 'img-9', actions: ['upscale_2x'] },
};

describe('actionSubmission', () => {
  it('asks for the action on the job’s image, with lineage labelled by the job’s title', () => {
    expect(actionSubmission(upscaled, 'zoom_out_2x')).toEqual({
      request: { action: 'zoom_out_2x', image_id: 'img-9' },
      parent: { jobId: 'job-1', imageId: 'img-9', action: 'zoom_out_2x', label: 'a red fox' },
    });
  });

  it('sends a region’s mask and prompt, labelled by the region’s prompt', () => {
    const s = actionSubmission(upscaled, 'variation_region', { mask: 'AAAA', prompt: 'a hat' });
    expect(s?.request).toEqual({
      action: 'variation_region',
      image_id: 'img-9',
      mask: 'AAAA',
      prompt: 'a hat',
    });
    expect(s?.parent.label).toBe('a hat');
  });

  it('falls back to the parent’s label for a region with no prompt', () => {
    const child = { ...upscaled, parent: { imageId: 'x', action: 'upscale1', label: 'grid' } };
    expect(
      actionSubmission(child, 'variation_region', { mask: 'A', prompt: '' })?.parent.label,
    ).toBe('grid');
  });

  it('gives nothing for a job without an image', () => {
    expect(actionSubmission({ ...upscaled, result: undefined }, 'upscale1')).toBeNull();
  });
});
