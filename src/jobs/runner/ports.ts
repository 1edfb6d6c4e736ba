/**
 * The runner's public face and what it is plugged into: its configuration, dependencies and
 * commands, and the two ports storage fills (`RunnerPersistence`, `JobLocks`), so jobs/ never
 * imports storage/ (see `runner.ts`).
 */
import type { ClientConfig, Delivery } from '../../api/client-config';
import type { ImagineRequest, Mode } from '../../api/contract';
import type { Job, JobBatch, JobParent, JobTarget, StoredJob } from '../job';
import type { KindRegistry } from '../kind';
import type { JobsStore } from '../store';
import type { RunnerSink } from '../jobs-sink';

/** A job change made by another tab. `job` is null when it was deleted. */
export interface RemoteChange {
  id: string;
  job: Job | null;
}

/** What the runner asks of history storage (storage's `Persistence` is one). */
export interface RunnerPersistence {
  /** Writes one job (never its preview) and tells the other tabs. */
  saveJob(job: Job): Promise<void>;
  /** One stored job, or undefined. */
  getJob(id: string): Promise<StoredJob | undefined>;
  /** The start: the newest jobs and every unfinished one, sent to the sink and returned. */
  loadJobs(): Promise<StoredJob[]>;
  /** Resolves when every stored job has been sent to the sink. */
  loadAll(): Promise<void>;
  /** Deletes jobs and their cached images, here and in every tab. */
  deleteJobs(ids: string[]): Promise<void>;
  /** Keeps a copy of a final image; true when a readable copy is kept. */
  cacheImage(url: string): Promise<boolean>;
  /** Missing copies kept while links live. */
  keepMissing(urls: string[]): Promise<void>;
  /** Tells other tabs about a progress tick (not stored). */
  broadcastProgress(job: Job): void;
  /** Which jobs this tab runs; changes announced for them by other tabs are ignored. */
  setLocalOwner(isLocal: (id: string) => boolean): void;
  /** Called after another tab changed or deleted a job (the sink has been told). */
  onRemoteChange(listener: (change: RemoteChange) => void): () => void;
}

/**
 * Which tab runs which job (storage's `tab-sync/locks.ts` over the Web Locks API; without one,
 * `oneTabLocks`: every claim succeeds).
 */
export interface JobLocks {
  /** Takes responsibility for a job; false when another tab holds it. */
  claim(id: string): Promise<boolean>;
  /** Gives a job up (its lock is freed for other tabs). */
  release(id: string): void;
  /** True while this tab is responsible for the job. */
  holds(id: string): boolean;
  /**
   * Waits for another tab's job to be orphaned. When its lock is granted, `shouldAdopt` decides
   * (e.g. from the record on disk); on true this tab holds the lock and `adopt` starts the work.
   */
  watch(id: string, shouldAdopt: () => Promise<boolean>, adopt: () => void): void;
  /** Stops waiting for a job's lock (it was deleted). */
  unwatch(id: string): void;
  /** Frees every lock and stops every wait. */
  dispose(): void;
}

/** What the runner needs to know at send time (read on every event, so settings apply at once). */
export interface RunnerConfig {
  client: ClientConfig;
  delivery: Delivery;
  mode: Mode;
  /** Sent as `callback_url` with async delivery. */
  callbackUrl?: string;
  /** No news for this long → reconcile, then `stalled` (overrides the runner's default). */
  stallAfterMs?: number;
  /** Jobs sent or followed at once on one target (Settings; overrides `RunnerDeps.maxInFlight`). */
  maxInFlight?: number;
  /** The name of the current target (recorded on each job sent; never its token). */
  target?: string;
}

/** Dependencies and tuning of a runner. */
export interface RunnerDeps {
  getConfig(): RunnerConfig;
  /**
   * The client for a job sent to another target than the current one (its base URL and its
   * token). Without it, such a job is looked up at its own base URL with no token, so the current
   * token never goes to a target it was not meant for.
   */
  clientFor?(target: JobTarget): ClientConfig | undefined;
  /** The kinds of job this runner can run (the studio's: `kinds/registry.ts`, made in `app/`). */
  kinds: KindRegistry;
  /** Jobs sent or followed at once per target; the rest wait as `queued`. Default 3. */
  maxInFlight?: number;
  /** No news for this long → reconcile, then `stalled`. Default 60 000. */
  stallAfterMs?: number;
  /** Gap between polls of one job (≤ 1 request/s by default). Default 1000. */
  pollIntervalMs?: number;
  /** Gap between polls of a stalled job. Default 10 000. */
  stalledPollIntervalMs?: number;
  /** Longest wait between polls after errors. Default 10 000. */
  maxBackoffMs?: number;
  /** The service's own timeout, before which no job is called stalled. Default 480 000. */
  serviceTimeoutMs?: number;
  now?: () => number;
  /** Waits `ms`, resolving early when `signal` fires. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /**
   * Told each new live preview's URL the moment its line is handled, before anything renders:
   * the app starts fetching the picture there.
   */
  onPreview?: (url: string) => void;
  /** History storage; without it jobs live in memory only. Must write to the same `store`. */
  persistence?: RunnerPersistence;
  /** Default: the app's `jobsStore`. */
  store?: JobsStore;
  /**
   * Whether the browser is online (default: always). Offline, queued jobs wait instead of being
   * sent; `onOnline` sends them, once each.
   */
  network?: { online(): boolean; onOnline(listener: () => void): () => void };
  /**
   * Which tab runs which job; the runner owns them from here on (and frees them on `dispose`).
   * Default: one tab, no cross-tab locking (best effort).
   */
  locks?: JobLocks;
}

/** Options of `submit`. */
export interface SubmitOptions {
  /** The image and action this job derives from (lineage). */
  parent?: JobParent;
  /** Overrides the configured delivery for this job (when its kind supports it). */
  delivery?: Delivery;
  /** The job kind; default `imagine`. */
  kind?: string;
  /** The job's local id; default a fresh one (the lazy runner names a job sent before it loaded). */
  id?: string;
  /** The batch this job belongs to (one prompt that made several jobs). */
  batch?: JobBatch;
}

/** The runner's commands. Job state is read from the store, never from here. */
export interface Runner {
  /**
   * Where persistence reports what it learns (loads, imports, other tabs, undo): the runner
   * applies it, so it stays the jobs store's only writer.
   */
  readonly sink: RunnerSink;
  /** Queues a job and returns its local id at once. Throws for a kind the runner does not know. */
  submit(request: ImagineRequest, opts?: SubmitOptions): string;
  /** Stops following a job and marks it `cancelled`. False when not cancellable here. */
  cancel(id: string): boolean;
  /**
   * Sends a failed, cancelled or stalled job again (fresh trace id, `attempts + 1`, current
   * Settings, a request rebuilt from the stored one). This may spend credits again; it is only
   * ever the person's call.
   */
  retry(id: string): boolean;
  /** Asks the tasks endpoint about a job now (stalled, failed, cancelled or running). */
  checkAgain(id: string): boolean;
  /** Stops and deletes jobs (and their cached images). */
  remove(ids: string[]): Promise<void>;
  /**
   * Loads the history into the store and picks up every unfinished job no other tab is running:
   * polls it (never resubmits one that may have been sent); a job that was still queued and that
   * the service does not know is sent.
   */
  resumeAll(): Promise<void>;
  /**
   * Keeps every missing copy of a finished job's pictures and clips while its link lives, one at
   * a time (when the network is back, after a start, from History). A call during a sweep runs
   * one more sweep after it.
   */
  keepMissingCopies(): Promise<void>;
  /** Stops all work without changing any job (they resume on the next `resumeAll`). */
  dispose(): void;
}
