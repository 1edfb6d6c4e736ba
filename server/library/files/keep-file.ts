/**
 * The keeper: fetch a job's picture or clip from an allow-listed origin and keep a copy in the
 * store, recording how it went in the `files` table. A refusal of any kind (the host, the type,
 * the size, a full disk, a bucket) is recorded as `failed` with its code; the job's own row is
 * never written, so a job stays done when its copy could not be kept.
 */
import { and, eq } from 'drizzle-orm';
import { checkPictureUrl, fetchAllowed, pictureType } from '../../shared/allowed-fetch';
import type { LibraryDb } from '../db/open-library';
import { files, jobs } from '../db/schema';
import type { FileError } from './file-errors';
import { EXTENSIONS, ROLE, storageKey, storeFault, type FileStore } from './file-store';
import { putKnownLength, watched } from './watched-body';

/** What the keeper needs. */
export interface KeeperOptions {
  db: LibraryDb;
  store: FileStore;
  /** Exact origins it may fetch from: the relay's list (provider CDN, engine, PICTURE_ORIGINS). */
  allowedOrigins: readonly string[];
  /** Cap on a picture (default 50 MB). */
  maxPictureBytes?: number;
  /** Cap on a clip (default 300 MB). */
  maxClipBytes?: number;
  /** Time for the whole fetch, body included (default 10 minutes: a large clip on a slow link). */
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

/** Which file of which job, and where it is now. */
export interface KeepRequest {
  jobId: string;
  /** `image`, `raw`, `cover`, `sub:N` or `clip:N`. */
  role: string;
  sourceUrl: string;
}

/** How keeping went (as the `files` row now says). */
export type KeepOutcome =
  | { state: 'stored'; storageKey: string; contentType: string; bytes: number; sha256: string }
  | { state: 'failed'; error: FileError };

const MB = 1024 * 1024;

/** A keeper; `keepFile` never throws for a refusal, only for a job that is not in the library. */
export function createKeeper(options: KeeperOptions): (req: KeepRequest) => Promise<KeepOutcome> {
  const keeping: Keeping = {
    store: options.store,
    allowed: new Set(options.allowedOrigins),
    caps: { picture: options.maxPictureBytes ?? 50 * MB, clip: options.maxClipBytes ?? 300 * MB },
    timeoutMs: options.timeoutMs ?? 600_000,
    fetchImpl: options.fetchImpl ?? fetch,
  };

  return async function keepFile({ jobId, role, sourceUrl }) {
    if (!ROLE.test(role))
      throw new Error(`"${role}" is not a file role (image, raw, cover, sub:N, clip:N).`);
    const [job] = await options.db
      .select({ createdAt: jobs.createdAt })
      .from(jobs)
      .where(eq(jobs.id, jobId));
    if (!job) throw new Error(`No job ${jobId} in the library: keep its files after saving it.`);
    await options.db
      .insert(files)
      .values({ jobId, role, sourceUrl, state: 'pending' })
      .onConflictDoUpdate({
        target: [files.jobId, files.role],
        set: { sourceUrl, state: 'pending', error: null },
      });
    const outcome = await fetchAndStore(keeping, { jobId, role, sourceUrl }, job.createdAt);
    await options.db
      .update(files)
      .set(
        outcome.state === 'stored'
          ? { ...outcome, error: null }
          : { state: 'failed', error: outcome.error, storageKey: null },
      )
      .where(and(eq(files.jobId, jobId), eq(files.role, role)));
    return outcome;
  };
}

/** What the fetch-and-store step needs, made once per keeper. */
interface Keeping {
  store: FileStore;
  allowed: ReadonlySet<string>;
  caps: { picture: number; clip: number };
  timeoutMs: number;
  fetchImpl: typeof fetch;
}

async function fetchAndStore(k: Keeping, req: KeepRequest, madeAt: Date): Promise<KeepOutcome> {
  const failed = (code: FileError['code'], params: FileError['params'] = {}): KeepOutcome => ({
    state: 'failed',
    error: { code, params },
  });
  const check = checkPictureUrl(req.sourceUrl, k.allowed);
  if (!check.ok) return failed('file_not_allowed', { reason: check.reason });
  const signal = AbortSignal.timeout(k.timeoutMs);
  const fetched = await fetchAllowed(check.url, {
    allowed: k.allowed,
    signal,
    maxRedirects: 3,
    fetchImpl: k.fetchImpl,
  });
  if (!fetched.ok) return failed('file_source_failed', { reason: fetched.reason });
  const upstream = fetched.response;
  if (upstream.status !== 200 || !upstream.body) {
    void upstream.body?.cancel();
    return failed('file_source_failed', {
      reason: `The picture's host answered ${upstream.status}.`,
      status: upstream.status,
    });
  }
  const sent = upstream.headers.get('content-type') ?? '';
  const type = pictureType(sent);
  const ext = type ? EXTENSIONS[type] : undefined;
  if (!type || !ext) {
    void upstream.body.cancel();
    return failed('file_wrong_type', { type: sent.slice(0, 100) || 'no content type' });
  }
  const cap = type.startsWith('video/') ? k.caps.clip : k.caps.picture;
  const encoded = (upstream.headers.get('content-encoding') ?? 'identity').trim() !== 'identity';
  const declared = encoded ? NaN : Number(upstream.headers.get('content-length') ?? NaN);
  if (declared > cap) {
    void upstream.body.cancel();
    return failed('file_too_large', { maxMb: Math.round(cap / MB) });
  }
  const key = storageKey(req.jobId, req.role, madeAt, ext);
  const source = watched(upstream.body, cap, Number.isFinite(declared) ? declared : undefined);
  try {
    const bytes = await putKnownLength(
      k.store,
      key,
      source.stream,
      type,
      Number.isFinite(declared) ? declared : undefined,
    );
    return { state: 'stored', storageKey: key, contentType: type, bytes, sha256: source.sha256() };
  } catch (err) {
    const fault = source.fault();
    if (fault === 'too_large') return failed('file_too_large', { maxMb: Math.round(cap / MB) });
    if (fault === 'cut') return failed('file_source_cut');
    const stored = storeFault(err);
    return failed(stored.code, stored.params);
  }
}
