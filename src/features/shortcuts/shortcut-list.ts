/**
 * Every keyboard shortcut the studio has, in one list for the help dialog. The keys themselves are
 * handled where they act (composer, job card, mask editor); features cannot import each other, so
 * this list is kept by hand: a new shortcut belongs here too.
 */

import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';

/**
 * One shortcut: the keys (each a <kbd>; key names as printed on keyboards stay as they are, the
 * words among them are messages) and what they do. The keys are pressed together unless
 * `either` says any one of them does it (shown "+ / −", not "+ + −").
 */
export interface Shortcut {
  keys: readonly (string | MessageDescriptor)[];
  does: MessageDescriptor;
  either?: true;
}

/** Shortcuts grouped by where they work. */
export interface ShortcutGroup {
  where: MessageDescriptor;
  shortcuts: readonly Shortcut[];
}

const DRAG = msg`drag`;

/** The studio's shortcuts. */
export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  {
    where: msg`Anywhere`,
    shortcuts: [
      { keys: ['?'], does: msg`Show these shortcuts` },
      { keys: ['Esc'], does: msg`Close a dialog` },
    ],
  },
  {
    where: msg`In the prompt`,
    shortcuts: [
      { keys: ['Enter'], does: msg`Imagine` },
      { keys: ['Shift', 'Enter'], does: msg`New line` },
    ],
  },
  {
    where: msg`On a focused grid card`,
    shortcuts: [
      { keys: ['1–4'], does: msg`Choose a quadrant (1 top-left … 4 bottom-right)` },
      { keys: ['U'], does: msg`Upscale the chosen quadrant` },
      { keys: ['V'], does: msg`Vary the chosen quadrant` },
      { keys: ['R'], does: msg`Reroll` },
    ],
  },
  {
    where: msg`In Vary (Region)`,
    shortcuts: [
      { keys: ['B'], does: msg`Brush` },
      { keys: ['E'], does: msg`Eraser` },
      { keys: ['R'], does: msg`Rectangle` },
      { keys: ['L'], does: msg`Lasso` },
      { keys: ['Ctrl', 'Z'], does: msg`Undo` },
      { keys: ['Ctrl', 'Shift', 'Z'], does: msg`Redo (also Ctrl+Y)` },
      { keys: ['Alt', DRAG], does: msg`Subtract with Rectangle or Lasso` },
      { keys: ['Space', DRAG], does: msg`Pan` },
      { keys: ['+', '−'], either: true, does: msg`Zoom in / out (canvas focused; or the wheel)` },
      { keys: ['0'], does: msg`Fit the picture (canvas focused)` },
      { keys: [msg`Arrows`], does: msg`Pan (canvas focused)` },
    ],
  },
];
