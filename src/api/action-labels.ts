/**
 * The contract's actions in words, as Midjourney people know them ("U2", "Vary (Subtle)"). Pure
 * (no React), so the feed's buttons and the history's tiles say the same thing. An action the
 * studio does not know still gets a readable label.
 */
import { i18n, type MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';

const LABELS: Record<string, MessageDescriptor> = {
  reroll: msg`Reroll`,
  upscale_2x: msg`Upscale 2x`,
  upscale_4x: msg`Upscale 4x`,
  variation_subtle: msg`Vary (Subtle)`,
  variation_strong: msg`Vary (Strong)`,
  variation_region: msg`Vary (Region)`,
  zoom_out_2x: msg`Zoom Out 2x`,
  zoom_out_1_5x: msg`Zoom Out 1.5x`,
  pan_left: msg`Pan Left`,
  pan_right: msg`Pan Right`,
  pan_up: msg`Pan Up`,
  pan_down: msg`Pan Down`,
  upscale_subtle: msg`Upscale (Subtle)`,
  upscale_creative: msg`Upscale (Creative)`,
  redo_upscale_2x: msg`Redo Upscale 2x`,
  redo_upscale_4x: msg`Redo Upscale 4x`,
  redo_upscale_subtle: msg`Redo Upscale (Subtle)`,
  redo_upscale_creative: msg`Redo Upscale (Creative)`,
  square: msg`Make Square`,
};

/**
 * The label of an action in the active language: `upscale2` → "U2", `zoom_out_2x` → "Zoom Out 2x"
 * ("缩小 2 倍"). Call it while rendering, so a change of language re-labels. U1–U4 and V1–V4 are
 * the same in every language.
 */
export function actionLabel(action: string): string {
  const quadrant = /^(upscale|variation)([1-4])$/.exec(action);
  if (quadrant) return `${quadrant[1] === 'upscale' ? 'U' : 'V'}${quadrant[2]}`;
  const known = LABELS[action];
  if (known) return i18n._(known);
  // Unknown: words from the identifier, numbers as "2x"/"1.5x" where they look like factors.
  return action
    .replace(/_(\d+)_(\d+)x$/, ' $1.$2x')
    .split(/[_\s]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/** Whether an image is an upscaled single image (it can then be region-varied). */
export function isUpscaled(actions: readonly string[]): boolean {
  return actions.includes('variation_subtle');
}
