/**
 * What a job kind is: one provider endpoint run as a job, described as data and pure functions.
 * The state machine and the runner only ever talk to this interface and to a {@link KindRegistry}
 * handed to them, so they name no kind: the kinds themselves live in `src/kinds/<name>/`.
 */
import type { z } from 'zod/mini';
import type { ClientConfig, Delivery } from '../api/client-config';
import type { Mode } from '../api/contract';
import type { Msg } from '../api/message';
import type { Job, JobError, JobPreview, JobResult } from './job';

/** A response body or stream line, as the kind's schema let it through. */
export type KindResponse = Record<string, unknown>;

/** What a kind's `send` yields (the shape of the imagine client's events). */
export type KindEvent =
  /** The service took the job and will not answer further here; look it up by `taskId`. */
  | { type: 'accepted'; taskId: string }
  /** An intermediate line. */
  | { type: 'progress'; response: KindResponse }
  /** The final answer. */
  | { type: 'done'; response: KindResponse };

/** The Settings that shape a request at send time (never taken from a stored request). */
export interface SendSettings {
  delivery: Delivery;
  mode: Mode;
  /** Sent as `callback_url` with async delivery, by kinds that take one. */
  callbackUrl?: string;
}

/** How a finished response ends a job; `note` tells the person something about the result. */
export type Settled = { ok: true; result: JobResult; note?: Msg } | { ok: false; error: JobError };

/** A request rebuilt from stored fields, with the names of the fields it dropped. */
export interface RebuiltRequest {
  request: Record<string, unknown>;
  /** Unknown or unsafe fields left out (to tell the person). */
  dropped: string[];
}

/** One kind of job. Everything but `send` is pure. */
export interface JobKind {
  /** Stored on the job (`job.kind`); unique in a registry. */
  name: string;
  /** The provider path, e.g. `/midjourney/imagine`. */
  endpoint: string;
  /**
   * Loads what `requestSchema`, `settle` and `progressOf` read with (the kind's contract, lazily,
   * so zod does not load with the page). The runner awaits it before it sends, looks up or
   * retries; an import awaits it before it rebuilds requests.
   */
  load(): Promise<unknown>;
  /** The request body's schema (from the kind's contract), read once `load()` resolved. */
  requestSchema(): z.ZodMiniType;
  /** Deliveries the endpoint supports; the first one is used when the setting is not one. */
  deliveries: readonly Delivery[];
  /** The service keeps a task record for it, so a lost answer can be looked up by trace id. */
  tasks: boolean;
  /** Fields that come from Settings or transport, never from a stored or imported request. */
  transportFields: readonly string[];
  /** Fields a fresh request takes from Settings when it has none (imagine: `mode`). */
  defaults(settings: SendSettings): Record<string, unknown>;
  /** The body to send for a (rebuilt) request, with this attempt's trace id and Settings. */
  toBody(request: Record<string, unknown>, traceId: string, settings: SendSettings): KindResponse;
  /** Sends the body and yields what comes back. Throws `ApiError`. */
  send(
    client: ClientConfig,
    body: KindResponse,
    opts: { delivery: Delivery; signal: AbortSignal },
  ): AsyncIterable<KindEvent>;
  /** Progress (0–100) and preview of an intermediate line or a pending task's response. */
  progressOf(response: KindResponse): { progress?: number; preview?: JobPreview };
  /** A final response (from the call or a finished task) as a result or an error. */
  settle(response: KindResponse): Settled;
  /** Images of a result worth caching locally. */
  imagesOf(result: JobResult): string[];
  /** The files a download of the job saves, when not its images (videos: the clips alone). */
  downloadsOf?(result: JobResult): string[];
  /** Whether a finished result is a 2×2 grid (its quadrants can be picked and acted on). */
  isGrid?(result: JobResult | undefined): boolean;
}

/** Looks kinds up by name. */
export interface KindRegistry {
  get(name: string): JobKind | undefined;
  /** The kind of a job (the fallback kind when the record has none: stored before kinds). */
  of(job: Pick<Job, 'kind'>): JobKind | undefined;
  names(): string[];
  /** Loads every kind's contract (an import rebuilds requests of any kind). */
  loadAll(): Promise<void>;
  /** The kind a job without one is (submitted without a kind, or stored before kinds existed). */
  readonly fallback: string;
}

/**
 * A registry of `kinds`; a later kind with the same name replaces an earlier one. `fallback`
 * names the kind of a job that names none.
 */
export function createKindRegistry(kinds: readonly JobKind[], fallback: string): KindRegistry {
  const byName = new Map(kinds.map((k) => [k.name, k] as const));
  return {
    get: (name) => byName.get(name),
    of: (job) => byName.get(job.kind ?? fallback),
    names: () => [...byName.keys()],
    loadAll: async () => {
      await Promise.all([...byName.values()].map((k) => k.load()));
    },
    fallback,
  };
}

/** The files a download of `job` saves, as its kind says (none for an unfinished job). */
export function filesToSave(kinds: KindRegistry, job: Job): string[] {
  const kind = kinds.of(job);
  if (!kind || !job.result) return [];
  return (kind.downloadsOf ?? kind.imagesOf)(job.result);
}
