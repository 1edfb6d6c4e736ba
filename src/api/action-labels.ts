/**
 * The contract's actions in words, as Midjourney people know them ("U2", "Vary (Subtle)"). Pure
 * (no React), so the feed's buttons and the history's tiles say the same thing. An action the
 * studio does not know still gets a readable label.
 */

const LABELS: Record<string, string> = {
  reroll: 'Reroll',
  upscale_2x: 'Upscale 2x',
  upscale_4x: 'Upscale 4x',
  variation_subtle: 'Vary (Subtle)',
  variation_strong: 'Vary (Strong)',
  variation_region: 'Vary (Region)',
  zoom_out_2x: 'Zoom Out 2x',
  zoom_out_1_5x: 'Zoom Out 1.5x',
  pan_left: 'Pan Left',
  pan_right: 'Pan Right',
  pan_up: 'Pan Up',
  pan_down: 'Pan Down',
  upscale_subtle: 'Upscale (Subtle)',
  upscale_creative: 'Upscale (Creative)',
  redo_upscale_2x: 'Redo Upscale 2x',
  redo_upscale_4x: 'Redo Upscale 4x',
  redo_upscale_subtle: 'Redo Upscale (Subtle)',
  redo_upscale_creative: 'Redo Upscale (Creative)',
  square: 'Make Square',
};

/** The label of an action: `upscale2` → "U2", `zoom_out_2x` → "Zoom Out 2x". */
export function actionLabel(action: string): string {
  const quadrant = /^(upscale|variation)([1-4])$/.exec(action);
  if (quadrant) return `${quadrant[1] === 'upscale' ? 'U' : 'V'}${quadrant[2]}`;
  if (LABELS[action]) return LABELS[action];
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
