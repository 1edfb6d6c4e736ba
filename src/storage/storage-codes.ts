/**
 * The codes of the storage layer's own messages: notices about the database and the device's
 * room, why no copy of a picture was kept, why Download cannot give bytes, why a history file was
 * refused. Producers import these only (the service worker shares `kept-copy.ts`); words:
 * `storage-words.ts`.
 */
import { message, type Msg } from '../api/message';

/** Every message code of the storage layer. */
export type StorageCode =
  | 'storage.updated-elsewhere'
  | 'storage.unavailable'
  | 'storage.import-unfinished'
  | 'storage.full'
  | 'storage.evicted'
  | 'storage.closed'
  | 'copy.link-dead'
  | 'copy.clip-no-relay'
  | 'copy.no-means'
  | 'copy.unfetched'
  | 'copy.expired-none'
  | 'copy.none-while-live'
  | 'copy.none'
  | 'copy.offline'
  | 'copy.untrusted'
  | 'copy.unreadable'
  | 'copy.unknown'
  | 'copy.not-a-link'
  | 'download.offline-only'
  | 'download.no-copy'
  | 'download.expired'
  | 'download.dead'
  | 'download.unreadable'
  | 'history.not-json'
  | 'history.damaged'
  | 'history.not-export'
  | 'history.newer'
  | 'history.unknown-kind'
  | 'history.invalid-job'
  | 'history.too-big';

/** A message of the storage layer. */
export function storageMsg(
  code: StorageCode,
  params?: Record<string, string | number | Msg | undefined>,
): Msg {
  return message(code, params);
}
