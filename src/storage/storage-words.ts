/**
 * The words of the storage layer's codes (`storage-codes.ts`), each today's English sentence,
 * so its translation carries over.
 */
import { msg } from '@lingui/core/macro';
import type { Words } from '../api/words';
import { evictedWords } from './evicted-words';
import type { StorageCode } from './storage-codes';

/** Words of every storage code. */
export const storageWords = {
  'storage.updated-elsewhere': () =>
    msg`Imagine Studio was updated in another tab. Reload this tab to keep saving history.`,
  'storage.unavailable': () =>
    msg`History cannot be saved in this browser (storage is unavailable); jobs will be lost on reload.`,
  'storage.import-unfinished': () =>
    msg`The last history import did not finish (the page was closed or reloaded). Nothing from it was added; import the file again.`,
  'storage.full': () =>
    msg`Storage on this device is full: the latest change could not be saved. Delete some history (or export it) to make room.`,
  'storage.evicted': evictedWords,
  'storage.closed': () => msg`History storage is closed.`,
  'copy.link-dead': () => msg`the link had already expired or was dead`,
  'copy.clip-no-relay': () =>
    msg`the clip host allows no cross-origin reads and this host has no relay, so no copy of the clip can be kept on this device; it plays only while its link lasts`,
  'copy.no-means': () =>
    msg`the picture host allows no cross-origin reads, this host has no relay, and this browser has no offline cache`,
  'copy.unfetched': () => msg`the picture could not be fetched`,
  'copy.expired-none': () => msg`the link has expired and no copy was kept in this browser`,
  'copy.none-while-live': () => msg`no copy in this browser; it shows while the link lives`,
  'copy.none': () => msg`no copy in this browser`,
  'copy.offline': () => msg`this browser was offline`,
  'copy.untrusted': ({ origin = '' }) =>
    msg`the picture host ${origin} is not among this studio's picture origins (PICTURE_ORIGINS)`,
  'copy.unreadable': () => msg`the picture host answered with an error, not the picture`,
  'copy.unknown': () => msg`unknown`,
  'copy.not-a-link': () => msg`not a picture link`,
  'download.offline-only': () =>
    msg`Download is not possible here: the picture host allows no cross-origin reads and this host has no relay, so the only copy is the offline cache, whose bytes the browser does not let the studio read. The picture still shows; save it from the image (right-click → Save image as).`,
  'download.no-copy': ({ reason = '' }) =>
    msg`Download is not possible: no copy was kept (${reason}).`,
  'download.expired': () =>
    msg`Download is not possible: the link has expired and no copy was kept.`,
  'download.dead': ({ status = '' }) =>
    msg`Download is not possible: the link is dead (HTTP ${status}) and no copy was kept.`,
  'download.unreadable': () => msg`Download is not possible: the picture could not be read.`,
  'history.not-json': () =>
    msg`This file is not an Imagine Studio history export: it is not valid JSON.`,
  'history.damaged': () => msg`This history file is damaged: its header or job list is missing.`,
  'history.not-export': () => msg`This file is not an Imagine Studio history export.`,
  'history.newer': ({ version = '' }) =>
    msg`This history file was made by a newer Imagine Studio (format version ${version}); update the studio to import it.`,
  'history.unknown-kind': ({ n = '', id = '', kind = '' }) =>
    msg`This history file has job ${n}${id} of an unknown kind (${kind}). Nothing was imported.`,
  'history.invalid-job': ({ n = '', id = '', where = '', problem = '' }) =>
    msg`This history file is damaged: job ${n}${id} has an invalid ${where}: ${problem}. Nothing was imported.`,
  'history.too-big': ({ size = '', limit = '' }) =>
    msg`This file is ${size}; history files up to ${limit} can be imported. Split the export or delete old jobs before exporting.`,
} satisfies Record<StorageCode, Words>;
