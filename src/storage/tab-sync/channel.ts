/**
 * Tab sync over a BroadcastChannel: a tab announces which jobs it changed or deleted, and live
 * progress ticks (never stored). Other tabs re-read changed jobs from the repository.
 */
import type { JobPreview } from '../../jobs/job';

/** The channel on which tabs announce job changes. */
export const CHANNEL_NAME = 'imagine-studio-jobs';

/** What one tab tells the others; `db` keeps tests' databases apart. */
export type ChannelMessage =
  | { db: string; type: 'changed'; ids: string[] }
  | { db: string; type: 'deleted'; ids: string[] }
  | { db: string; type: 'progress'; id: string; progress: number; preview?: JobPreview };

/** What a tab does with the others' announcements. */
export interface ChannelHandlers {
  changed(ids: string[]): void;
  deleted(ids: string[]): void;
  progress(id: string, progress: number, preview?: JobPreview): void;
}

/** One tab's end of the channel. */
export interface TabChannel {
  changed(ids: string[]): void;
  deleted(ids: string[]): void;
  progress(id: string, progress: number, preview?: JobPreview): void;
  close(): void;
}

/** Opens the channel for database `db`; without BroadcastChannel it is silent. */
export function openTabChannel(
  db: string,
  handlers: ChannelHandlers,
  name: string = CHANNEL_NAME,
): TabChannel {
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(name);

  function post(message: ChannelMessage): void {
    try {
      channel?.postMessage(message);
    } catch {
      // A closed channel (tab shutting down) only costs other tabs a refresh.
    }
  }

  if (channel) {
    channel.onmessage = (event: MessageEvent<ChannelMessage>) => {
      const message = event.data;
      if (message.db !== db) return;
      if (message.type === 'changed') handlers.changed(message.ids);
      else if (message.type === 'deleted') handlers.deleted(message.ids);
      else if (message.type === 'progress') {
        handlers.progress(message.id, message.progress, message.preview);
      }
    };
  }

  return {
    changed(ids) {
      if (ids.length > 0) post({ db, type: 'changed', ids });
    },
    deleted(ids) {
      if (ids.length > 0) post({ db, type: 'deleted', ids });
    },
    progress: (id, progress, preview) =>
      post({ db, type: 'progress', id, progress, ...(preview ? { preview } : {}) }),
    close: () => channel?.close(),
  };
}
