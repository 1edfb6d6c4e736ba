import { describe, expect, it } from 'vitest';
import { GRID_ACTIONS, UPSCALED_ACTIONS } from '../../../src/api/contract';
import { actionsAfter, modelOf, upscaledActions } from './actions-by-model';

const square = { width: 1024, height: 1024 };
const wide = { width: 1456, height: 816 };

describe('actionsAfter', () => {
  it('keeps the engine’s lists for prompts without a version', () => {
    for (const a of [
      'generate',
      'reroll',
      'variation2',
      'variation_subtle',
      'zoom_out_1_5x',
      'pan_up',
      'variation_region',
    ])
      expect(actionsAfter(a, { prompt: 'a cat', ...square })).toEqual([...GRID_ACTIONS]);
    expect(actionsAfter('upscale3', { prompt: 'a cat', ...square })).toEqual([...UPSCALED_ACTIONS]);
    // No version: no Make Square either, even on a wide image (the guide's 16:9 upscale has none).
    expect(actionsAfter('upscale1', { prompt: 'a cat --ar 16:9', ...wide })).toEqual([
      ...UPSCALED_ACTIONS,
    ]);
  });

  it('offers Subtle/Creative from V6 and niji 6, 2x/4x before', () => {
    const v6 = actionsAfter('upscale1', { prompt: 'a cat --v 6', ...square });
    expect(v6?.slice(0, 3)).toEqual(['upscale_subtle', 'upscale_creative', 'variation_subtle']);
    expect(actionsAfter('upscale1', { prompt: 'a cat --version 7', ...square })?.[0]).toBe(
      'upscale_subtle',
    );
    expect(actionsAfter('upscale1', { prompt: 'a cat --niji 6', ...square })?.[1]).toBe(
      'upscale_creative',
    );
    expect(actionsAfter('upscale1', { prompt: 'a cat --v 5.2', ...square })?.slice(0, 2)).toEqual([
      'upscale_2x',
      'upscale_4x',
    ]);
    expect(actionsAfter('upscale1', { prompt: 'a cat --niji 5', ...square })?.[0]).toBe(
      'upscale_2x',
    );
  });

  it('offers the matching redo after an upscale', () => {
    expect(actionsAfter('upscale_subtle', { prompt: 'x --v 6.1', ...square })?.slice(0, 2)).toEqual(
      ['redo_upscale_subtle', 'upscale_creative'],
    );
    expect(
      actionsAfter('redo_upscale_creative', { prompt: 'x --v 7', ...square })?.slice(0, 2),
    ).toEqual(['upscale_subtle', 'redo_upscale_creative']);
    expect(actionsAfter('upscale_4x', { prompt: 'x', ...square })?.slice(0, 2)).toEqual([
      'upscale_2x',
      'redo_upscale_4x',
    ]);
    expect(actionsAfter('upscale_2x', { prompt: 'x --v 5', ...square })?.slice(0, 2)).toEqual([
      'redo_upscale_2x',
      'upscale_4x',
    ]);
  });

  it('offers Make Square on a non-square image of a model that has it', () => {
    expect(actionsAfter('upscale2', { prompt: 'x --ar 16:9 --v 6', ...wide })).toEqual([
      'upscale_subtle',
      'upscale_creative',
      'square',
      ...UPSCALED_ACTIONS.slice(2),
    ]);
    expect(actionsAfter('upscale2', { prompt: 'x --v 5.2', width: 816, height: 1456 })).toContain(
      'square',
    );
    expect(actionsAfter('upscale2', { prompt: 'x --v 6', ...square })).not.toContain('square');
    // Once square, the image offers no more Make Square.
    expect(actionsAfter('square', { prompt: 'x --v 6', ...square })).not.toContain('square');
  });

  it('knows nothing of unknown actions', () => {
    expect(actionsAfter('make_it_pop', { prompt: 'x', ...square })).toBeUndefined();
  });
});

describe('modelOf', () => {
  it('reads --v, --version and --niji; the last one wins', () => {
    expect(modelOf('a --v 6.1')).toEqual({ family: 'v', version: 6.1 });
    expect(modelOf('a --niji 6 --v 5')).toEqual({ family: 'v', version: 5 });
    expect(modelOf('a').family).toBe('default');
    expect(upscaledActions({ prompt: 'a --niji', ...square })[0]).toBe('upscale_subtle');
  });
});
