/**
 * The kinds a runner knows, by name. Made once in `app/` (or per test) and handed to the runner;
 * adding an endpoint means registering one more kind here, nothing else.
 */
import type { Job } from '../job';
import { describeKind } from './describe';
import { editsKind } from './edits';
import { imagineKind } from './imagine';
import type { JobKind } from './kind';
import { seedKind, shortenKind, translateKind } from './text-kinds';
import { videosKind } from './videos';

/** Name of the kind of a job stored before kinds existed. */
export const DEFAULT_KIND = 'imagine';

/** Looks kinds up by name. */
export interface KindRegistry {
  get(name: string): JobKind | undefined;
  /** The kind of a job (`imagine` when the record has none). */
  of(job: Pick<Job, 'kind'>): JobKind | undefined;
  names(): string[];
}

/** A registry of `kinds`; a later kind with the same name replaces an earlier one. */
export function createKindRegistry(kinds: readonly JobKind[]): KindRegistry {
  const byName = new Map(kinds.map((k) => [k.name, k] as const));
  return {
    get: (name) => byName.get(name),
    of: (job) => byName.get(job.kind ?? DEFAULT_KIND),
    names: () => [...byName.keys()],
  };
}

/** The kinds the studio ships with. */
export function defaultKinds(): KindRegistry {
  return createKindRegistry([
    imagineKind,
    editsKind,
    describeKind,
    shortenKind,
    translateKind,
    seedKind,
    videosKind,
  ]);
}
