/**
 * What a job kind is: one provider endpoint (imagine, describe, shorten…) described as data and
 * pure functions. The state machine and the runner only ever talk to this interface, so a new
 * endpoint is a new kind and touches neither.
 */
import type { z } from 'zod/mini';
import type { ClientConfig, Delivery } from '../../api/client';
import type { Mode } from '../../api/contract';
import type { JobError, JobPreview, JobResult } from '../job';

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

/**
 * What a card shows for a kind; the feed maps it to a component (no React here).
 * `grid`/`image`: pictures with actions; `prompts`: a list of prompts (describe, shorten);
 * `video`: clips; `text`: one line (translate); `seed`: a number to reuse.
 */
export type CardDescriptor = 'grid' | 'image' | 'prompts' | 'video' | 'text' | 'seed';

/** How a finished response ends a job; `note` tells the person something about the result. */
export type Settled =
  { ok: true; result: JobResult; note?: string } | { ok: false; error: JobError };

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
   * The request body's schema (from `api/contract.ts`), read once the job schemas have loaded
   * (`jobs/schemas.ts`): a function, so zod does not load with the page.
   */
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
  /** What the card shows for a finished result. */
  card(result: JobResult | undefined): CardDescriptor;
}
