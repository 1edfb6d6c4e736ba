/**
 * The tab's handle on the history database: opened on first use, dropped when another tab's
 * newer version needs it (the person is told to reload), and refused once closed.
 */
import { MessageError } from '../../api/message';
import { storageMsg } from '../storage-codes';
import type { StorageNotice } from '../../jobs/store';
import type { Msg } from '../../api/message';
import { openStudioDb, type StudioDb } from '../repository/schema';

/** Tells the person something about storage. */
export type Notice = (kind: StorageNotice['kind'], message: Msg) => void;

/** The database of one tab. */
export interface DbHandle {
  /** The open database (opening it if needed); rejects once closed or when it cannot open. */
  db(): Promise<StudioDb>;
  /** Closes the database; later calls of `db` reject. */
  close(): void;
}

/** A lazy handle on database `dbName`. */
export function createDbHandle(dbName: string, notice: Notice): DbHandle {
  let dbPromise: Promise<StudioDb> | null = null;
  let closed = false;

  function db(): Promise<StudioDb> {
    if (closed) return Promise.reject(new MessageError(storageMsg('storage.closed')));
    if (!dbPromise) {
      const opening = openStudioDb(dbName, {
        onOutdated: () => {
          void opening.then((d) => d.close());
          dbPromise = null;
          notice('outdated', storageMsg('storage.updated-elsewhere'));
        },
      });
      dbPromise = opening;
      opening.catch(() => {
        if (dbPromise === opening) dbPromise = null;
        notice('unavailable', storageMsg('storage.unavailable'));
      });
    }
    return dbPromise;
  }

  return {
    db,
    close() {
      closed = true;
      void dbPromise?.then((d) => d.close()).catch(() => {});
      dbPromise = null;
    },
  };
}
