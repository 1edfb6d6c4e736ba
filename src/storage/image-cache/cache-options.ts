import type { CorsMemory } from './cors-memory';
/** How an image cache is made (`createImageCache`), read by each of its parts. */
import type { StudioDb } from '../repository/schema';
import type { CopyMeans } from './kept-copy';
import type { Decodes } from './keep-one';
import type { RoomDeps } from './room';
import type { Thumbnail } from './thumbnail';

/** Origins the page refused to load pictures from (see `blocked-origins.ts`). */
export interface BlockedOrigins {
  has(origin: string): boolean;
  subscribe(listener: (origin: string) => void): () => void;
}

/** Options of `createImageCache`. */
export interface ImageCacheOptions {
  db: () => Promise<StudioDb>;
  notice: RoomDeps['notice'];
  fetch: typeof fetch;
  now: () => number;
  /** Images larger than this are not cached. */
  maxImageBytes: number;
  /** Makes a tile-sized copy; null = cannot here (the full image is shown). */
  thumbnail?: (blob: Blob) => Promise<Thumbnail | null>;
  /** What this page can keep copies with (read when a copy is kept); default: blobs only. */
  means?: () => CopyMeans;
  /** The Cache Storage cache of opaque copies (the service worker answers from it). */
  pictureCache?: () => Promise<Cache>;
  /** Where an opaque response waits while the page decodes it (see `keep-one.ts`). */
  stagingCache?: () => Promise<Cache>;
  /** Decodes a picture URL in the page; without it no opaque copy is kept. */
  decodes?: Decodes;
  /** Origins the page's Content-Security-Policy refused, and news of more. */
  blocked?: BlockedOrigins;
  /** Hosts known to refuse a direct read (default: remembered in this browser's localStorage). */
  corsMemory?: CorsMemory;
}

/** The quota-aware write every store of the tab uses (`room.ts`'s `withRoom`, bound). */
export type WithRoom = <T>(
  write: () => Promise<T>,
  size: number | (() => number),
  keep?: string,
) => Promise<T>;
