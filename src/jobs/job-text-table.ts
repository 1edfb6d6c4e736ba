/**
 * The studio's own sentences from the jobs layer (a job's note, a studio-made error, a storage
 * notice, an import refusal, why no copy was kept) in the person's language. The jobs layer writes
 * them in English, because they are stored (IndexedDB, exported history files) and must read the
 * same whatever language the page had then; they are translated only where they are shown, so a
 * language switch changes them too. Text that is not the studio's own (the provider's messages,
 * kept word for word) passes through unchanged.
 */
import type { I18n, MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { REFUSED_URL_NOTE } from '../api/url-scheme';
import { evictedText } from './evicted-text';
import {
  CANCELLED_AFTER_SEND_NOTE,
  CANCELLED_BEFORE_SEND_NOTE,
  NEVER_ARRIVED_MESSAGE,
  NO_LOOKUP_MESSAGE,
  UNKNOWN_TASK_MESSAGE,
} from './machine/types';

/** Sentences with no variable part, by their English text. */
const FIXED: ReadonlyMap<string, MessageDescriptor> = new Map([
  [
    UNKNOWN_TASK_MESSAGE,
    msg`The service no longer knows this task (it may have restarted). Retry to generate again.`,
  ],
  [
    NEVER_ARRIVED_MESSAGE,
    msg`The service has no record of this request; it probably never arrived. Retry to send it again.`,
  ],
  [
    NO_LOOKUP_MESSAGE,
    msg`The answer was lost and this kind of request cannot be looked up. Retry to send it again.`,
  ],
  [
    CANCELLED_AFTER_SEND_NOTE,
    msg`Cancelled here. The service may still finish this task (and charge for it); use Check again to fetch the result.`,
  ],
  [CANCELLED_BEFORE_SEND_NOTE, msg`Cancelled before it was sent; nothing was charged.`],
  [
    REFUSED_URL_NOTE,
    msg`A picture link was refused: only http(s), blob: and data:image links are shown.`,
  ],
  ['The service has no record of this task.', msg`The service has no record of this task.`],
  [
    'Imported while it was still in progress; use Check again to look it up.',
    msg`Imported while it was still in progress; use Check again to look it up.`,
  ],
  ['The task failed.', msg`The task failed.`],
  // The studio's own words for a failed request (src/api/errors.ts writes them in English: the
  // engine shares that module, so it holds no messages of the page's).
  ['The request was cancelled.', msg`The request was cancelled.`],
  ['The request timed out.', msg`The request timed out.`],
  ['The request failed.', msg`The request failed.`],
  ['The task finished without an image.', msg`The task finished without an image.`],
  ['The service described nothing.', msg`The service described nothing.`],
  ['The video task failed.', msg`The video task failed.`],
  ['The video task finished without clips.', msg`The video task finished without clips.`],
  ['The reply is not JSON.', msg`The reply is not JSON.`],
  ['The reply does not match the contract.', msg`The reply does not match the contract.`],
  ['History storage is closed.', msg`History storage is closed.`],
  [
    'Download is not possible: the picture could not be read.',
    msg`Download is not possible: the picture could not be read.`,
  ],
  ['unknown', msg`unknown`],
  ['the link had already expired or was dead', msg`the link had already expired or was dead`],
  [
    'the picture host allows no cross-origin reads, this host has no relay, and this browser has no offline cache',
    msg`the picture host allows no cross-origin reads, this host has no relay, and this browser has no offline cache`,
  ],
  ['the picture could not be fetched', msg`the picture could not be fetched`],
  ['this browser was offline', msg`this browser was offline`],
  [
    'the picture host answered with an error, not the picture',
    msg`the picture host answered with an error, not the picture`,
  ],
  [
    'the clip host allows no cross-origin reads and this host has no relay, so no copy of the clip can be kept on this device; it plays only while its link lasts',
    msg`the clip host allows no cross-origin reads and this host has no relay, so no copy of the clip can be kept on this device; it plays only while its link lasts`,
  ],
  [
    'the link has expired and no copy was kept in this browser',
    msg`the link has expired and no copy was kept in this browser`,
  ],
  [
    'no copy in this browser; it shows while the link lives',
    msg`no copy in this browser; it shows while the link lives`,
  ],
  ['no copy in this browser', msg`no copy in this browser`],
  [
    'Download is not possible: the link has expired and no copy was kept.',
    msg`Download is not possible: the link has expired and no copy was kept.`,
  ],
  [
    'Download is not possible here: the picture host allows no cross-origin reads and this host has no relay, so the only copy is the offline cache, whose bytes the browser does not let the studio read. The picture still shows; save it from the image (right-click → Save image as).',
    msg`Download is not possible here: the picture host allows no cross-origin reads and this host has no relay, so the only copy is the offline cache, whose bytes the browser does not let the studio read. The picture still shows; save it from the image (right-click → Save image as).`,
  ],
  [
    'Storage on this device is full: the latest change could not be saved. Delete some history (or export it) to make room.',
    msg`Storage on this device is full: the latest change could not be saved. Delete some history (or export it) to make room.`,
  ],
  [
    'Imagine Studio was updated in another tab. Reload this tab to keep saving history.',
    msg`Imagine Studio was updated in another tab. Reload this tab to keep saving history.`,
  ],
  [
    'History cannot be saved in this browser (storage is unavailable); jobs will be lost on reload.',
    msg`History cannot be saved in this browser (storage is unavailable); jobs will be lost on reload.`,
  ],
  [
    'The last history import did not finish (the page was closed or reloaded). Nothing from it was added; import the file again.',
    msg`The last history import did not finish (the page was closed or reloaded). Nothing from it was added; import the file again.`,
  ],
  [
    'This file is not an Imagine Studio history export: it is not valid JSON.',
    msg`This file is not an Imagine Studio history export: it is not valid JSON.`,
  ],
  [
    'This history file is damaged: its header or job list is missing.',
    msg`This history file is damaged: its header or job list is missing.`,
  ],
  [
    'This file is not an Imagine Studio history export.',
    msg`This file is not an Imagine Studio history export.`,
  ],
]);

/** Sentences with a variable part: the English pattern and its translation from the captures. */
const PATTERNS: readonly [RegExp, (m: readonly string[], i18n: I18n) => MessageDescriptor][] = [
  [
    // The browser's own error text and the cause's code stay as they are: they are what to search.
    /^Could not reach the server: ([\s\S]*)$/,
    ([, detail = '']) => msg`Could not reach the server: ${detail}`,
  ],
  [
    /^The stream was cut off before the image was finished$/,
    () => msg`The stream was cut off before the image was finished`,
  ],
  [
    /^The stream was cut off at (\d+)% before the image was finished$/,
    ([, progress = '']) =>
      msg`The stream was cut off at ${progress}% before the image was finished`,
  ],
  [
    /^The stream ended before the image was finished$/,
    () => msg`The stream ended before the image was finished`,
  ],
  [
    /^The stream ended at (\d+)% before the image was finished$/,
    ([, progress = '']) => msg`The stream ended at ${progress}% before the image was finished`,
  ],
  [
    /^HTTP (\d+)(?: ([^\n]*?))? from the server$/,
    ([, status = '', reason = '']) =>
      reason ? msg`HTTP ${status} ${reason} from the server` : msg`HTTP ${status} from the server`,
  ],
  [
    /^Could not check: ([\s\S]*)$/,
    ([, why = ''], i18n) => {
      const reason = translateJobText(why, i18n);
      return msg`Could not check: ${reason}`;
    },
  ],
  [
    /^the picture host (\S+) is not among this studio's picture origins \(PICTURE_ORIGINS\)$/,
    ([, origin = '']) =>
      msg`the picture host ${origin} is not among this studio's picture origins (PICTURE_ORIGINS)`,
  ],
  [
    /^Left out of the request \(unknown or not allowed\): (.*)\.$/,
    ([, fields = '']) => msg`Left out of the request (unknown or not allowed): ${fields}.`,
  ],
  [
    /^Download is not possible: the link is dead \(HTTP (\d+)\) and no copy was kept\.$/,
    ([, status = '']) =>
      msg`Download is not possible: the link is dead (HTTP ${status}) and no copy was kept.`,
  ],
  [
    /^Download is not possible: no copy was kept \(([\s\S]*)\)\.$/,
    ([, why = ''], i18n) => {
      const reason = translateJobText(why, i18n);
      return msg`Download is not possible: no copy was kept (${reason}).`;
    },
  ],
  [
    /^This history file was made by a newer Imagine Studio \(format version (\d+)\); update the studio to import it\.$/,
    ([, version = '']) =>
      msg`This history file was made by a newer Imagine Studio (format version ${version}); update the studio to import it.`,
  ],
  [
    /^This history file has job (\d+)( \(.*\))? of an unknown kind \((.*)\)\. Nothing was imported\.$/,
    ([, n = '', id = '', kind = '']) =>
      msg`This history file has job ${n}${id} of an unknown kind (${kind}). Nothing was imported.`,
  ],
  [
    /^This history file is damaged: job (\d+)( \(.*?\))? has an invalid (\S+): ([\s\S]*)\. Nothing was imported\.$/,
    ([, n = '', id = '', where = '', problem = '']) =>
      msg`This history file is damaged: job ${n}${id} has an invalid ${where}: ${problem}. Nothing was imported.`,
  ],
  [
    /^This file is (\d+ MB); history files up to (\d+ MB) can be imported\. Split the export or delete old jobs before exporting\.$/,
    ([, size = '', limit = '']) =>
      msg`This file is ${size}; history files up to ${limit} can be imported. Split the export or delete old jobs before exporting.`,
  ],
];

/**
 * A sentence of the jobs layer in the language of `i18n`; anything else (a provider's message)
 * is returned as it is. Reached through `jobText` (job-text.ts), which loads this table lazily.
 */
export function translateJobText(text: string, i18n: I18n): string {
  const fixed = FIXED.get(text);
  if (fixed) return i18n._(fixed);
  const evicted = evictedText(text, i18n);
  if (evicted !== undefined) return evicted;
  for (const [pattern, say] of PATTERNS) {
    const m = pattern.exec(text);
    if (m) return i18n._(say(m, i18n));
  }
  return text;
}
