/**
 * A job's status and the history's action groups in words, translated where they are shown:
 * capitalised as filter options ("Running"), lowercase beside a tile ("failed").
 */
import type { I18n, MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import type { JobStatus } from '../../jobs/job';
import type { ActionKind } from './job-labels';

const STATUS_LABELS: Record<JobStatus, MessageDescriptor> = {
  queued: msg`Queued`,
  running: msg`Running`,
  done: msg`Done`,
  failed: msg`Failed`,
  stalled: msg`Stalled`,
  cancelled: msg`Cancelled`,
};

const STATUS_WORDS: Record<JobStatus, MessageDescriptor> = {
  queued: msg({ message: 'queued', context: 'status beside a tile' }),
  running: msg({ message: 'running', context: 'status beside a tile' }),
  done: msg({ message: 'done', context: 'status beside a tile' }),
  failed: msg({ message: 'failed', context: 'status beside a tile' }),
  stalled: msg({ message: 'stalled', context: 'status beside a tile' }),
  cancelled: msg({ message: 'cancelled', context: 'status beside a tile' }),
};

const ACTION_KIND_LABELS: Record<ActionKind, MessageDescriptor> = {
  generate: msg`Generate`,
  upscale: msg`Upscale`,
  variation: msg`Variation`,
  zoom: msg`Zoom`,
  pan: msg`Pan`,
  region: msg`Vary (Region)`,
  reroll: msg`Reroll`,
  video: msg`Video`,
  other: msg`Other`,
};

/** "Running" / "运行中": a status as a filter option. */
export function statusLabel(status: JobStatus, i18n: I18n): string {
  return i18n._(STATUS_LABELS[status]);
}

/** "failed" / "失败": a status beside a tile or in a placeholder. */
export function statusWord(status: JobStatus, i18n: I18n): string {
  return i18n._(STATUS_WORDS[status]);
}

/** "Vary (Region)" / "局部重绘": an action group as a filter option. */
export function actionKindLabel(kind: ActionKind, i18n: I18n): string {
  return i18n._(ACTION_KIND_LABELS[kind]);
}
