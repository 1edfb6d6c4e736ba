/**
 * Every keyboard shortcut the studio has, in one list for the help dialog. The keys themselves are
 * handled where they act (composer, job card, mask editor); features cannot import each other, so
 * this list is kept by hand: a new shortcut belongs here too.
 */

/** One shortcut: the keys (each a <kbd>) and what they do. */
export interface Shortcut {
  keys: readonly string[];
  does: string;
}

/** Shortcuts grouped by where they work. */
export interface ShortcutGroup {
  where: string;
  shortcuts: readonly Shortcut[];
}

/** The studio's shortcuts. */
export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  {
    where: 'Anywhere',
    shortcuts: [
      { keys: ['?'], does: 'Show these shortcuts' },
      { keys: ['Esc'], does: 'Close a dialog' },
    ],
  },
  {
    where: 'In the prompt',
    shortcuts: [
      { keys: ['Enter'], does: 'Imagine' },
      { keys: ['Shift', 'Enter'], does: 'New line' },
    ],
  },
  {
    where: 'On a focused grid card',
    shortcuts: [
      { keys: ['1–4'], does: 'Choose a quadrant (1 top-left … 4 bottom-right)' },
      { keys: ['U'], does: 'Upscale the chosen quadrant' },
      { keys: ['V'], does: 'Vary the chosen quadrant' },
      { keys: ['R'], does: 'Reroll' },
    ],
  },
  {
    where: 'In Vary (Region)',
    shortcuts: [
      { keys: ['B'], does: 'Brush' },
      { keys: ['E'], does: 'Eraser' },
      { keys: ['R'], does: 'Rectangle' },
      { keys: ['L'], does: 'Lasso' },
      { keys: ['Ctrl', 'Z'], does: 'Undo' },
      { keys: ['Ctrl', 'Shift', 'Z'], does: 'Redo (also Ctrl+Y)' },
      { keys: ['Alt', 'drag'], does: 'Subtract with Rectangle or Lasso' },
      { keys: ['Space', 'drag'], does: 'Pan' },
      { keys: ['+', '−'], does: 'Zoom in / out (canvas focused; or the wheel)' },
      { keys: ['0'], does: 'Fit the picture (canvas focused)' },
      { keys: ['Arrows'], does: 'Pan (canvas focused)' },
    ],
  },
];
