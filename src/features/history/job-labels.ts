/**
 * How the history names a job and groups its action. Kept local to the feature (features never
 * import each other), and deliberately small: the feed owns the full button labels.
 */
import type { StoredJob } from '../../jobs/job';

/** The action groups the history filters by; `other` catches actions the studio does not know. */
export const ACTION_KINDS = [
  'generate',
  'upscale',
  'variation',
  'zoom',
  'pan',
  'region',
  'reroll',
  'other',
] as const;

/** One action group. */
export type ActionKind = (typeof ACTION_KINDS)[number];

/** The fields of a job the history reads (a live `Job` or a `StoredJob`). */
export type HistoryJob = Pick<
  StoredJob,
  'id' | 'request' | 'parent' | 'status' | 'result' | 'createdAt'
>;

/** The provider action a job ran (a fresh prompt is `generate`). */
export function jobAction(job: Pick<HistoryJob, 'request' | 'parent'>): string {
  return job.request.action || job.parent?.action || 'generate';
}

/** The group of an action, for the Action filter. */
export function actionKind(action: string): ActionKind {
  if (action === 'generate' || action === 'imagine') return 'generate';
  if (action === 'reroll') return 'reroll';
  if (action === 'variation_region') return 'region';
  // upscale1-4, upscale_2x/4x/subtle/creative and their redo_ forms are all upscales.
  if (/^(redo_)?upscale/.test(action)) return 'upscale';
  if (/^variation/.test(action)) return 'variation';
  // "Make Square" widens the canvas like a zoom-out; Midjourney lists it with the zooms.
  if (/^zoom/.test(action) || action === 'square') return 'zoom';
  if (/^pan/.test(action)) return 'pan';
  return 'other';
}

/** A short readable name of an action: `upscale2` → "U2", `zoom_out_2x` → "Zoom out 2x". */
export function actionName(action: string): string {
  const quadrant = /^(upscale|variation)([1-4])$/.exec(action);
  if (quadrant) return `${quadrant[1] === 'upscale' ? 'U' : 'V'}${quadrant[2]}`;
  const words = action
    .replace(/_(\d+)_(\d+)x$/, ' $1.$2x')
    .replace(/_/g, ' ')
    .trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Generate';
}

/** What a job is called on screen: its prompt, else its parent's label (an upscale has no prompt). */
export function jobTitle(job: Pick<HistoryJob, 'request' | 'parent'>): string {
  return job.request.prompt?.trim() || job.parent?.label?.trim() || 'Untitled';
}
