/**
 * The contract's actions in the person's language ("Zoom Out 2x", "缩小 2 倍"). Pure (no React):
 * the feed's buttons, the cards' lineage titles and the history's tiles all name an action from
 * here, translated when they render. U1–U4 and V1–V4 read the same in every language; an action
 * the studio does not know keeps the readable English label `actionLabel` makes for it.
 */
import type { I18n, MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { actionLabel } from '../api/action-labels';

const NAMES: Record<string, MessageDescriptor> = {
  generate: msg`Generate`,
  imagine: msg`Generate`,
  animate: msg`Animate`,
  extend: msg`Extend`,
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

/** An action's name in the active language: `zoom_out_2x` → "Zoom Out 2x" / "缩小 2 倍". */
export function actionName(action: string, i18n: I18n): string {
  const known = Object.hasOwn(NAMES, action) ? NAMES[action] : undefined;
  return known ? i18n._(known) : actionLabel(action);
}
