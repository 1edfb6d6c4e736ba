/**
 * Where kept copies of pictures and clips live: a folder under `DATA_DIR/files` or an
 * S3-compatible bucket. Both hold the same keys (`<yyyy-mm>/<job-id>/<role>.<ext>`), so a library
 * can move from one to the other by copying.
 */

/** What a store knows of one kept file. */
export interface StoredFile {
  contentType: string;
  /** The whole file's length. */
  bytes: number;
}

/** A byte range of a file, both ends included (as in `Range: bytes=start-end`). */
export interface ByteRange {
  start: number;
  end: number;
}

/** A file read from a store: its bytes (the range asked for, or all of them). */
export interface StoredRead extends StoredFile {
  body: ReadableStream<Uint8Array>;
}

/** The port every store implements. */
export interface FileStore {
  /** `folder` or `s3`, for logs and health. */
  readonly kind: 'folder' | 's3';
  /**
   * Keep `body` under `key`. It is seen under the key only once whole: a half-written file is
   * never served. Throws a `StoreFault` when the store refuses it.
   */
  put(key: string, body: ReadableStream<Uint8Array>, file: StoredFile): Promise<void>;
  /** The file's bytes (a range of them), or null when there is no such file. */
  get(key: string, range?: ByteRange): Promise<StoredRead | null>;
  /** What the store knows of the file, or null. */
  head(key: string): Promise<StoredFile | null>;
  /** Remove the file; removing a missing one is no error. */
  delete(key: string): Promise<void>;
}

/** Why a store could not keep a file: a code the card turns into words, and its data. */
export type StoreFaultCode =
  /** The disk is full (ENOSPC, EDQUOT). */
  | 'file_disk_full'
  /** The server may not write to its files folder (EACCES, EPERM, EROFS). */
  | 'file_store_read_only'
  /** The bucket answered with an error; `params.bucketCode` is its own code, word for word. */
  | 'file_bucket_refused'
  /** The bucket could not be reached. */
  | 'file_bucket_unreachable'
  /** Anything else the store threw. */
  | 'file_store_failed';

/** A store's refusal, as a value the keeper records. */
export class StoreFault extends Error {
  constructor(
    readonly code: StoreFaultCode,
    readonly params: Record<string, string | number> = {},
    options?: { cause?: unknown },
  ) {
    super(`${code} ${JSON.stringify(params)}`, options);
    this.name = 'StoreFault';
  }
}

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT']);
const READ_ONLY = new Set(['EACCES', 'EPERM', 'EROFS']);

/**
 * The fault an error from a store stands for: a `StoreFault` as it is, a file system error by
 * its errno code (a store that lets one through is read the same way).
 */
export function storeFault(err: unknown): StoreFault {
  if (err instanceof StoreFault) return err;
  const errno = (err as { code?: unknown } | null)?.code;
  if (typeof errno === 'string' && DISK_FULL.has(errno))
    return new StoreFault('file_disk_full', {}, { cause: err });
  if (typeof errno === 'string' && READ_ONLY.has(errno))
    return new StoreFault('file_store_read_only', { errno }, { cause: err });
  return new StoreFault('file_store_failed', typeof errno === 'string' ? { errno } : {}, {
    cause: err,
  });
}

/** The file name ending kept for each type the keeper accepts. */
export const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'video/mp4': 'mp4',
};

/** The type a kept file's name ending stands for (the folder store keeps no other record). */
export function typeOfKey(key: string): string {
  const ext = key.slice(key.lastIndexOf('.') + 1);
  return Object.entries(EXTENSIONS).find(([, e]) => e === ext)?.[0] ?? 'application/octet-stream';
}

/** A job's role as the keeper accepts it: `image`, `raw`, `cover`, `sub:N` or `clip:N`. */
export const ROLE = /^(?:image|raw|cover|sub:\d{1,3}|clip:\d{1,3})$/;

/**
 * Where a job's file is kept: `<yyyy-mm>/<job-id>/<role>.<ext>`, the month the job was made in
 * (UTC) so a folder never grows past a month of jobs. `sub:2` becomes `sub-2`: a colon is not a
 * file name character everywhere.
 */
export function storageKey(jobId: string, role: string, madeAt: Date, ext: string): string {
  const month = madeAt.toISOString().slice(0, 7);
  return `${month}/${jobId}/${role.replace(':', '-')}.${ext}`;
}

/** Whether a key is one the stores accept: relative, no `..`, no empty or hidden parts. */
export function validKey(key: string): boolean {
  return key
    .split('/')
    .every((part) => part !== '' && !part.startsWith('.') && /^[\w.-]+$/.test(part));
}
