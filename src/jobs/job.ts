/**
 * One job = one API task: what was asked, how it is delivered, where it stands and what came
 * back. Plain data (no functions), so the same object lives in the store, in IndexedDB and in an
 * exported history file.
 */
import { i18n as activeI18n, type I18n } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import type { ImagineRequest, ImagineResponse } from '../api/contract';
import type { Delivery } from '../api/client-config';
import type { Msg } from '../api/message';
import { promptTitle, shortImageName } from './image-link-name';
import type { JOB_STATUSES } from '../api/job-statuses';

/**
 * - `queued`: waiting for a free slot; never sent while in this state.
 * - `running`: sent (or being looked up); progress and preview update.
 * - `done` / `failed` / `cancelled`: final (a `cancelled` task may still finish on the service).
 * - `stalled`: no news for a while; the runner keeps checking, slowly.
 */
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Statuses the runner still has work for (polling, sending or waiting for a slot). */
export const ACTIVE_STATUSES: ReadonlySet<JobStatus> = new Set(['queued', 'running', 'stalled']);

/** True while the job is not in a final state. */
export function isJobActive(job: Pick<Job, 'status'>): boolean {
  return ACTIVE_STATUSES.has(job.status);
}

/** The image (and action on it) a job was made from; absent for a fresh `generate`. */
export interface JobParent {
  /** The local job that produced the image, when known (lineage). */
  jobId?: string;
  /** The provider's `image_id` the action was applied to. */
  imageId: string;
  /** The action, e.g. `upscale2`, `variation_region`. */
  action: string;
  /**
   * The words the parent was made from (its prompt, a region's prompt), to name it by once it is
   * gone from the history: data only; the action is worded from `action`.
   */
  label?: string;
}

/** The batch a job was sent in (a permutation or `--repeat` prompt): siblings share its `id`. */
export interface JobBatch {
  id: string;
  /** Jobs in the batch. */
  size: number;
  /** This job's place in it, from 0. */
  index: number;
}

/** An intermediate picture while a job runs. In memory only: its URL dies when the job ends. */
export interface JobPreview {
  url: string;
  width?: number;
  height?: number;
}

/** The final response fields worth keeping (no `progress`, no transient fields). */
export interface JobResult {
  task_id?: string;
  image_id?: string;
  image_url?: string;
  image_width?: number;
  image_height?: number;
  raw_image_url?: string;
  raw_image_width?: number;
  raw_image_height?: number;
  actions: string[];
  sub_image_urls?: string[];
  /** What a kind other than imagine answers (describe's prompts, shorten's candidates…). */
  data?: Record<string, unknown>;
}

/** The service a job was sent to: never its token. */
export interface JobTarget {
  /** The target's name in Settings (e.g. `local`, `acedata`). */
  name: string;
  baseUrl: string;
}

/**
 * Why a job failed. `kind` is the `ApiError` kind, or `lost` when the service has no record of
 * the task (it restarted, or the submission never arrived).
 */
export type JobErrorKind = 'http' | 'network' | 'aborted' | 'invalid' | 'task' | 'lost';

/**
 * A failure as shown to the person: the provider's `code` and `message` verbatim, or the
 * studio's own message as a code (`reason`), never a sentence of the studio's.
 */
export interface JobError {
  kind: JobErrorKind;
  code?: string;
  /** The provider's (or a browser's) words, verbatim: data. */
  message?: string;
  /** The studio's own message, worded where it is shown. */
  reason?: Msg;
  traceId?: string;
  status?: number;
  /** How long the service asked to wait (`Retry-After`) with a 429 (read back records drop it). */
  retryAfterMs?: number;
}

/**
 * What the last check the person asked for ("Check again") found, and when. In memory only, like
 * a preview: it says something about this moment, not about the job.
 */
export interface JobCheck {
  at: number;
  /** `nothing`: no news; `progress`: it moved; `unknown`: no record; `unreachable`: no answer. */
  found: 'nothing' | 'progress' | 'unknown' | 'unreachable';
  /** Why the service could not be asked (for `unreachable`): the studio's message or data. */
  message?: Msg | string;
}

/** One job. Times are epoch milliseconds. */
export interface Job {
  /** Local id (UUID), stable across retries. */
  id: string;
  /** The job kind (see `kinds/`); absent means `imagine` (every record made before kinds). */
  kind?: string;
  /** The `trace_id` of the current attempt; a new one on every retry. */
  traceId: string;
  /** The provider's task id, once known. */
  taskId?: string;
  /** What was sent, minus transport fields (`trace_id`, `async`) and anything token-like. */
  request: ImagineRequest;
  delivery: Delivery;
  /** Where the current attempt was sent; lookups go there, whatever Settings say now. */
  target?: JobTarget;
  parent?: JobParent;
  /** The batch it was sent in, when one prompt made several jobs. */
  batch?: JobBatch;
  /** Relative cost of what was sent (1 = an ordinary fast image job; `prompt/cost.ts`). */
  cost?: number;
  status: JobStatus;
  /** 0–100. */
  progress: number;
  /** Latest intermediate picture; never persisted. */
  preview?: JobPreview;
  /** What the last "Check again" found; never persisted. */
  checked?: JobCheck;
  result?: JobResult;
  error?: JobError;
  /** A queued job held back until the browser is online again (never sent while set). */
  waitingFor?: 'network';
  /**
   * A queued job the service refused for now (HTTP 429, kept in `error`): it is sent again at
   * this time (epoch ms), as `Retry-After` asked or after a backoff, unless the person sends it
   * now or cancels it.
   */
  retryAt?: number;
  /** Something the person should know that is not an error (e.g. a cancelled task may still finish). */
  note?: Msg;
  createdAt: number;
  /** When the current attempt was sent (or adopted after a reload). */
  startedAt?: number;
  updatedAt: number;
  finishedAt?: number;
  /** Last time anything new was heard about the job (stream line, progress change). */
  lastNewsAt?: number;
  /** Submissions made so far (1 for the first; each retry adds one). */
  attempts: number;
}

/** A job as stored and exported: never a preview or a check result. */
export type StoredJob = Omit<Job, 'preview' | 'checked'>;

/** Top-level request keys that could carry a secret; dropped before anything is stored. */
const SECRET_KEY = /token|authori[sz]ation|api[-_]?key|secret|password|bearer/i;

/**
 * The request as a job keeps it: no transport fields (the runner adds `trace_id`, the client adds
 * `async`) and no key that looks like a credential, whatever the caller put in.
 */
export function cleanRequest(request: ImagineRequest): ImagineRequest {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(request)) {
    if (key === 'trace_id' || key === 'async' || SECRET_KEY.test(key)) continue;
    if (value === undefined) continue;
    out[key] = value;
  }
  return out as ImagineRequest;
}

/** The job without in-memory-only fields, ready for IndexedDB or an export. */
export function toStoredJob(job: Job): StoredJob {
  const { preview: _preview, checked: _checked, ...rest } = job;
  return { ...rest, request: cleanRequest(job.request) };
}

/** The fields of a final response that a job keeps. */
export function resultFromResponse(r: ImagineResponse): JobResult {
  const out: JobResult = { actions: r.actions ?? [] };
  if (r.task_id !== undefined) out.task_id = r.task_id;
  if (r.image_id !== undefined) out.image_id = r.image_id;
  if (r.image_url !== undefined) out.image_url = r.image_url;
  if (r.image_width !== undefined) out.image_width = r.image_width;
  if (r.image_height !== undefined) out.image_height = r.image_height;
  if (r.raw_image_url !== undefined) out.raw_image_url = r.raw_image_url;
  if (r.raw_image_width !== undefined) out.raw_image_width = r.raw_image_width;
  if (r.raw_image_height !== undefined) out.raw_image_height = r.raw_image_height;
  if (r.sub_image_urls !== undefined) out.sub_image_urls = r.sub_image_urls;
  return out;
}

/** The preview of an intermediate response, if it carries a picture. */
export function previewFromResponse(r: ImagineResponse): JobPreview | undefined {
  const url = r.image_url ?? r.raw_image_url;
  if (!url) return undefined;
  const width = r.image_url ? r.image_width : r.raw_image_width;
  const height = r.image_url ? r.image_height : r.raw_image_height;
  return {
    url,
    ...(width === undefined ? {} : { width }),
    ...(height === undefined ? {} : { height }),
  };
}

/**
 * What a job is called on screen: its prompt, else its parent's label (an upscale or a pan has no
 * prompt of its own), links by their short names (`promptTitle`), else what the kind worked on
 * (`kindTitle`), else "Untitled". An extended clip is "Clip 2 of …" from its request's index; a
 * describe is named by the image it read. Trimmed, so a prompt of spaces does not make a blank
 * title.
 */
export function jobTitle(
  job: Pick<Job, 'request' | 'parent'> & { kind?: string },
  i18n: I18n = activeI18n,
): string {
  const prompt = job.request.prompt?.trim();
  if (prompt) return promptTitle(prompt, i18n);
  const label = job.parent?.label?.trim();
  const index = job.request.video_index;
  if (job.kind === 'videos' && job.request.action === 'extend' && typeof index === 'number') {
    const n = index + 1;
    const of = label ? promptTitle(label, i18n) : i18n._(msg`Untitled`);
    return i18n._(msg`Clip ${n} of ${of}`);
  }
  if (label && job.kind !== 'describe') return promptTitle(label, i18n);
  return kindTitle(job, i18n) || i18n._(msg`Untitled`);
}

/**
 * The label a job leaves on the jobs made from it: the words it was made from (its prompt, else
 * the label its own parent left), data only, never the studio's words; undefined when it has none.
 */
export function lineageLabel(job: Pick<Job, 'request' | 'parent'>): string | undefined {
  return job.request.prompt?.trim() || job.parent?.label?.trim() || undefined;
}

/**
 * The title of a job with no prompt and no parent, from what its kind worked on: a describe by
 * the image it read, a translate by its text, a seed by what it is. Undefined for other kinds.
 */
function kindTitle(job: Pick<Job, 'request'> & { kind?: string }, i18n: I18n): string | undefined {
  const { request } = job;
  switch (job.kind) {
    case 'describe': {
      const url = typeof request.image_url === 'string' ? request.image_url.trim() : '';
      if (!url) return undefined;
      const image = shortImageName(url);
      return i18n._(msg`Describe: ${image}`);
    }
    case 'translate':
      return typeof request.content === 'string' ? request.content.trim() || undefined : undefined;
    case 'seed':
      return i18n._(msg`Seed of a grid`);
    default:
      return undefined;
  }
}
