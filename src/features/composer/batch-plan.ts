import type { Mode } from '../../api/contract';
import { stripModeParams } from '../../prompt/compose';
import { costOf, totalCost, type Cost } from '../../prompt/cost';
import { readDashes } from '../../prompt/dashes';
import { batchJobs, expandPrompt, type Expansion } from '../../prompt/permutations';

/** Above this many jobs Imagine asks before it sends (Midjourney's own batches are 4). */
export const CONFIRM_ABOVE = 4;

/** What pressing Imagine would send: every job's prompt and what each costs. */
export interface BatchPlan {
  expansion: Expansion;
  /** The prompt of each job, in order (a repeated prompt appears once per run). */
  jobs: { prompt: string; cost: Cost | null }[];
  /** All of them together. */
  total: Cost | null;
}

/**
 * The plan for the box's prompt, read as it will be sent: dashes read as `--`, speed switches
 * left out (speed is the request's `mode`), then expanded.
 */
export function planBatch(prompt: string, mode: Mode): BatchPlan {
  const clean = stripModeParams(readDashes(prompt).prompt).trim();
  const expansion = expandPrompt(clean);
  // A malformed prompt the person sends anyway goes as written, as one job.
  const prompts = expansion.ok ? batchJobs(expansion.prompts) : [clean];
  const jobs = prompts.map((p) => ({ prompt: p, cost: costOf({ prompt: p, mode }) }));
  return { expansion, jobs, total: clean ? totalCost(jobs.map((j) => j.cost)) : null };
}
