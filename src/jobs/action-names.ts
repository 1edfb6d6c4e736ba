/**
 * A job's action in the person's language, for the feed's buttons, the cards' lineage titles and
 * the history's tiles. The provider's actions are named by `actionLabel` (the API's labels,
 * translated in the active language; U1–U4 and V1–V4 the same in every language); what the
 * studio itself calls a fresh prompt, an Animate and an Extend is named here.
 */
import type { I18n, MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { actionLabel } from '../api/action-labels';

const STUDIO_NAMES: Record<string, MessageDescriptor> = {
  generate: msg`Generate`,
  imagine: msg`Generate`,
  animate: msg`Animate`,
  extend: msg`Extend`,
  // The kinds that are not a picture action, named as their buttons are.
  describe: msg`Describe`,
  seed: msg`Get seed`,
  shorten: msg`Shorten`,
  translate: msg`Translate`,
  edits: msg`Edit image`,
};

/** An action's name in the language of `i18n`: `zoom_out_2x` → "Zoom Out 2x" / "缩小 2 倍". */
export function actionName(action: string, i18n: I18n): string {
  const own = Object.hasOwn(STUDIO_NAMES, action) ? STUDIO_NAMES[action] : undefined;
  return own ? i18n._(own) : actionLabel(action);
}
