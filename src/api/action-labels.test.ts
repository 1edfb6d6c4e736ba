import { afterEach, describe, expect, it } from 'vitest';
import { activateLocale } from '../i18n/activate';
import { actionLabel, isUpscaled } from './action-labels';
import { GRID_ACTIONS, UPSCALED_ACTIONS } from './contract';

describe('actionLabel', () => {
  it('names grid actions as Midjourney does', () => {
    // Joined with a separator no label contains, so order and every label still count.
    expect(GRID_ACTIONS.map(actionLabel).join(' | ')).toBe(
      'U1 | U2 | U3 | U4 | Reroll | V1 | V2 | V3 | V4',
    );
  });

  it('names the upscaled image actions', () => {
    expect(UPSCALED_ACTIONS.map(actionLabel).join(' | ')).toBe(
      'Upscale 2x | Upscale 4x | Vary (Subtle) | Vary (Strong) | Zoom Out 2x | Zoom Out 1.5x | ' +
        'Pan Left | Pan Right | Pan Up | Pan Down',
    );
  });

  it('names the newer post-upscale actions as Midjourney does', () => {
    expect(
      [
        'upscale_subtle',
        'upscale_creative',
        'redo_upscale_2x',
        'redo_upscale_4x',
        'redo_upscale_subtle',
        'redo_upscale_creative',
        'square',
      ]
        .map(actionLabel)
        .join(' | '),
    ).toBe(
      'Upscale (Subtle) | Upscale (Creative) | Redo Upscale 2x | Redo Upscale 4x | ' +
        'Redo Upscale (Subtle) | Redo Upscale (Creative) | Make Square',
    );
  });

  it('gives unknown actions a readable label', () => {
    expect(actionLabel('zoom_in_2x')).toBe('Zoom In 2x');
    expect(actionLabel('redo_upscale_8x')).toBe('Redo Upscale 8x');
    expect(actionLabel('zoom_out_1_25x')).toBe('Zoom Out 1.25x');
    expect(actionLabel('make_it_pop')).toBe('Make It Pop');
  });

  it('knows an upscaled image by its actions', () => {
    expect(isUpscaled(UPSCALED_ACTIONS)).toBe(true);
    expect(isUpscaled(GRID_ACTIONS)).toBe(false);
  });

  describe('in Chinese', () => {
    afterEach(() => activateLocale('en'));

    it('uses the names Chinese Midjourney users know; U1–U4 and V1–V4 stay', async () => {
      await activateLocale('zh-CN');
      expect(GRID_ACTIONS.map(actionLabel).join(' | ')).toBe(
        'U1 | U2 | U3 | U4 | 重新生成 | V1 | V2 | V3 | V4',
      );
      expect(
        ['variation_region', 'variation_subtle', 'variation_strong', 'zoom_out_2x', 'upscale_2x']
          .map(actionLabel)
          .join(' | '),
      ).toBe('局部重绘 | 变化（微妙） | 变化（强烈） | 缩小 2 倍 | 放大 2 倍');
    });
  });
});
