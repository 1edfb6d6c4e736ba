/**
 * What every caller of the service shares: where to reach it, how a result comes back, and how
 * a task is looked up. A leaf (it imports nothing), so the client, its HTTP plumbing, the job
 * machine and the endpoint calls can all name these types without importing one another.
 */

/** Where and how to reach the service. */
export interface ClientConfig {
  /** Origin (plus optional path prefix) of the API; `''` = same origin. A trailing `/` is ignored. */
  baseUrl: string;
  /** API token; sent as `authorization: Bearer <token>` only when non-empty. */
  token?: string;
  /** A fetch to use instead of the global one (tests, proxies). */
  fetch?: typeof fetch;
}

/** How the result comes back: one body after the wait, NDJSON progress lines, or a task id. */
export type Delivery = 'wait' | 'stream' | 'async';

/** A task lookup key: the task id or the trace id the submission carried. */
export type TaskKey = { id: string } | { trace_id: string };
