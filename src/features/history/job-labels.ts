/**
 * How the history groups a job's action for its filter. The words for actions (`actionLabel`), jobs
 * (`jobTitle`) and lineages (`jobs/job-names.ts`) live below the features, shared with the feed.
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
  'video',
  'other',
] as const;

/** One action group. */
export type ActionKind = (typeof ACTION_KINDS)[number];

/** The fields of a job the history reads (a live `Job` or a `StoredJob`). */
export type HistoryJob = Pick<
  StoredJob,
  'id' | 'request' | 'parent' | 'status' | 'result' | 'createdAt' | 'kind'
>;

/** The group of an action, for the Action filter. */
export function actionKind(action: string): ActionKind {
  if (action === 'generate' || action === 'imagine') return 'generate';
  if (action === 'reroll') return 'reroll';
  if (action === 'animate' || action === 'extend') return 'video';
  if (action === 'variation_region') return 'region';
  // upscale1-4, upscale_2x/4x/subtle/creative and their redo_ forms are all upscales.
  if (/^(redo_)?upscale/.test(action)) return 'upscale';
  if (/^variation/.test(action)) return 'variation';
  // "Make Square" widens the canvas like a zoom-out; Midjourney lists it with the zooms.
  if (/^zoom/.test(action) || action === 'square') return 'zoom';
  if (/^pan/.test(action)) return 'pan';
  return 'other';
}
