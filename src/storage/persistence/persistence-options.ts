/**
 * How a tab's persistence is made (`createPersistence`): its database, where it reports, and what
 * the image cache may use to keep copies.
 */
import type { JobsSink, NoticeSink } from '../../jobs/jobs-sink';
import type { KindRegistry } from '../../jobs/kind';
import type { BlockedOrigins } from '../image-cache/cache-options';
import type { Decodes } from '../image-cache/keep-one';
import type { CopyMeans } from '../image-cache/kept-copy';
import type { Thumbnail } from '../image-cache/thumbnail';

/** Options of `createPersistence`. */
export interface PersistenceOptions {
  dbName?: string;
  /** Where job changes go: the runner's sink (`runner.sink`, the jobs store's only writer). */
  sink?: JobsSink;
  /** Where storage notices go; by default the sink's own `notice` when it has one. */
  onNotice?: NoticeSink;
  /** Used to fetch images for the cache. */
  fetch?: typeof fetch;
  channelName?: string;
  now?: () => number;
  /** Images larger than this are not cached. */
  maxImageBytes?: number;
  /** How long a delete can be undone. Default 60 s (the History offers 10 s). */
  undoMs?: number;
  /** Makes thumbnails (tests); default: createImageBitmap + OffscreenCanvas. */
  thumbnail?: (blob: Blob) => Promise<Thumbnail | null>;
  /** Jobs per import chunk. */
  importChunk?: number;
  /** The kinds an import rebuilds requests with (an import without them fails: {@link noKinds}). */
  kinds?: KindRegistry;
  /** What the page can keep picture copies with (relay, offline cache); default: blobs only. */
  copyMeans?: () => CopyMeans;
  /** The Cache Storage cache of opaque picture copies. */
  pictureCache?: () => Promise<Cache>;
  /** Where an opaque picture waits while it is decoded, before it is kept. */
  stagingCache?: () => Promise<Cache>;
  /** Decodes a picture in the page (no opaque copy is kept without it). */
  decodes?: Decodes;
  /** Picture origins the page's policy refused. */
  blocked?: BlockedOrigins;
}

/** `fields` without the ones that are undefined (optional options are absent, never undefined). */
export function definedOnly<T extends object>(
  fields: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

/** What an import without kinds does: fails, since it could not rebuild a single request. */
export function noKinds(): never {
  throw new Error('History import needs the kinds of job (createPersistence({ kinds })).');
}
