/** How an engine is tuned, and what it reports of itself: the core's own vocabulary. */
import type { HostPolicy } from '../shared/host-policy';
import type { FaultRule } from './faults';

/** How a `createEngine` call tunes the engine. */
export interface EngineOptions {
  /** Time per progress step in ms (default 700: a grid takes ~5 s in 7 lines); 0 = flat out. */
  paceMs?: number;
  /** If set, requests must carry `authorization: Bearer <token>`; else any token is taken. */
  token?: string;
  /** Tasks kept (default 2000); older idle ones are evicted with their images. */
  maxTasks?: number;
  /** Age after which an idle task is evicted (default 6 h). */
  maxAgeMs?: number;
  /** Bytes of stored images and requests kept (default 1 GiB); the oldest idle tasks go first. */
  maxBytes?: number;
  /** Fetch used for image prompts and callbacks (default: global fetch). */
  fetchImpl?: typeof fetch;
  /** Where to report ignorable trouble (failed callbacks, internal errors). Default: silent. */
  log?: (message: string) => void;
  /** Clock in ms (tests of eviction by age). */
  now?: () => number;
  /** Origin attachment links point at (the CDN listener's); default: the request's origin. */
  cdnOrigin?: string;
  /** Whether attachments allow cross-origin reads (`access-control-allow-origin: *`); default off. */
  cdnCors?: boolean;
  /** Seconds an attachment link stays valid (default 86400); after that it answers 404. */
  linkTtlS?: number;
  /** The names the engine's listeners answer for (default: this machine's loopback names). */
  hosts?: HostPolicy;
}

/** What `GET /__engine/state` reports. */
export interface EngineState {
  tasks: number;
  /** Images that actions can start from. */
  images: number;
  /** Stored image files (finals, thumbnails share an entry with their raw file; previews). */
  files: number;
  bytes: number;
  /** Bytes of stored request bodies (masks): counted with `bytes` against `maxBytes`. */
  request_bytes: number;
  active_jobs: number;
  stalled_jobs: number;
  /** NDJSON responses currently being written. */
  open_streams: number;
  pace_ms: number;
  faults: FaultRule[];
}
