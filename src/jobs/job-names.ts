/**
 * What a job is called on screen, from its lineage: "V1 of Zoom Out 2x · from U2 of “A
 * lighthouse…”", never an internal id. Pure (no React), shared by the feed and the history, so
 * both name a job the same way. An upscale or a pan has no prompt of its own; its prompt is the
 * one of the job its lineage starts from.
 */
import { i18n as activeI18n, type I18n } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { actionName } from './action-names';
import { promptTitle } from './image-link-name';
import { jobTitle, type Job } from './job';

/** The fields of a job naming reads (a live `Job` or a stored one). */
export type NamedJob = Pick<Job, 'id' | 'request' | 'parent' | 'kind'>;

/** Finds a job by id (the jobs store's `byId`, as a function). */
export type JobLookup = (id: string) => NamedJob | undefined;

/** Kinds whose jobs are named by the kind itself (their requests carry no `action`). */
const OTHER_KINDS = { describe: true, seed: true, shorten: true, translate: true } as const;

/** The provider action a job ran (a fresh prompt is `generate`). */
export function jobAction(job: Pick<Job, 'request' | 'parent'> & { kind?: string }): string {
  // A video job's request says generate/extend; in words it is Animate or Extend (a clip).
  if (job.kind === 'videos') return job.request.action === 'extend' ? 'extend' : 'animate';
  // Describe, seed, shorten and translate run no picture action: the kind is what they did.
  if (job.kind && job.kind in OTHER_KINDS) return job.kind;
  return job.request.action || job.parent?.action || 'generate';
}

/** `text` cut to `n` characters, with an ellipsis when it was longer. */
export function truncate(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

/** The parts of a card's title; `title` is them joined, for an accessible name. */
export interface CardName {
  /** The whole title: the prompt for a fresh job, else "V1 of Zoom Out 2x · from U2 of …". */
  title: string;
  /** "V1 of " (empty for a fresh prompt). */
  lead: string;
  /** What the parent is called (the link to its card); absent for a fresh prompt. */
  parent?: string;
  /** " · from U2 of “A lighthouse…”": where the parent came from (may be empty). */
  rest: string;
  /** The prompt the job was made from, shown second (absent for a fresh prompt: it is the title). */
  prompt?: string;
}

/** The action label of a derived job ("U2"), or undefined for a fresh prompt. */
function ownLabel(job: NamedJob, i18n: I18n): string | undefined {
  return job.parent ? actionName(jobAction(job), i18n) : undefined;
}

const quote = (text: string) => `“${truncate(text, 40)}”`;

/** Stands in for the parent while "{own} of {parent}" is translated, to split around the link. */
const PARENT = '\u0001';

/**
 * A card's title: a fresh job by its prompt; a derived one by what it is and what it came from,
 * two steps up ("Pan Left of U3 · from V1 of …"); the prompt goes second. A parent that is no
 * longer in the history is named by the label it left on the job, never by its id. Words come
 * from `i18n` (the active language by default); the parent may come first in a language's order,
 * so the title is translated whole and split around it.
 */
export function cardName(job: NamedJob, lookup: JobLookup, i18n: I18n = activeI18n): CardName {
  const own = ownLabel(job, i18n);
  if (!own || !job.parent) return { title: jobTitle(job, i18n), lead: '', rest: '' };
  // Shown, not copied: links by their short names.
  const whole = promptOf(job, lookup);
  const prompt = whole ? promptTitle(whole, i18n) : undefined;
  const parentJob = job.parent.jobId ? lookup(job.parent.jobId) : undefined;
  let parent: string;
  let from: string | undefined;
  if (!parentJob) {
    const label = job.parent.label;
    const image = label ? quote(promptTitle(label, i18n)) : '';
    parent = image ? i18n._(msg`an image of ${image}`) : i18n._(msg`an earlier image`);
  } else if (!parentJob.parent) {
    parent = quote(jobTitle(parentJob, i18n));
  } else {
    parent = ownLabel(parentJob, i18n)!;
    const grand = parentJob.parent.jobId ? lookup(parentJob.parent.jobId) : undefined;
    if (!grand) from = prompt ? quote(prompt) : undefined;
    else if (!grand.parent) from = quote(jobTitle(grand, i18n));
    else from = ofText(ownLabel(grand, i18n)!, '…', i18n);
  }
  const [lead = '', after = ''] = ofText(own, PARENT, i18n).split(PARENT);
  const rest = from ? after + i18n._(msg` · from ${from}`) : after;
  return {
    title: `${lead}${parent}${rest}`,
    lead,
    parent,
    rest,
    ...(prompt ? { prompt } : {}),
  };
}

/** "U2 of “A lighthouse…”" in the active language's order. */
function ofText(own: string, parent: string, i18n: I18n): string {
  return i18n._(msg`${own} of ${parent}`);
}

/**
 * The prompt a job was made from: its own (a fresh prompt, a Vary Region's), else the first
 * prompt up its lineage, else the label its parent left (the prompt it was made from). Guarded
 * against cycles, which a hand-edited import could contain.
 */
export function promptOf(job: NamedJob, lookup: JobLookup): string | undefined {
  const seen = new Set<string>();
  let current: NamedJob | undefined = job;
  while (current && !seen.has(current.id)) {
    const own = current.request.prompt?.trim();
    if (own) return own;
    seen.add(current.id);
    const label = current.parent?.label?.trim();
    const next: NamedJob | undefined = current.parent?.jobId
      ? lookup(current.parent.jobId)
      : undefined;
    if (!next) return label || undefined;
    current = next;
  }
  return undefined;
}

/** The actions already run on each job's image (its children's actions), by job id. */
const usedCache = new WeakMap<object, Map<string, Set<string>>>();

/**
 * The actions already run on a job's image (e.g. `upscale2` once its U2 card exists), so a grid
 * can mark its used U/V buttons. Indexed once per `version` and shared by every card: by default
 * per `byId`; the feed passes the store's `order`, which changes only when jobs come or go, since
 * a job's parent never changes once it exists. A progress tick (a new `byId`) then costs every
 * card a lookup, not a walk over the whole history.
 */
export function usedActions(
  byId: Readonly<Record<string, Pick<Job, 'parent'> | undefined>>,
  jobId: string,
  version: object = byId,
): ReadonlySet<string> {
  let index = usedCache.get(version);
  if (!index) {
    index = new Map();
    for (const job of Object.values(byId)) {
      const parentId = job?.parent?.jobId;
      if (!job?.parent || !parentId) continue;
      const set = index.get(parentId) ?? new Set<string>();
      set.add(job.parent.action);
      index.set(parentId, set);
    }
    usedCache.set(version, index);
  }
  return index.get(jobId) ?? EMPTY;
}

const EMPTY: ReadonlySet<string> = new Set();
