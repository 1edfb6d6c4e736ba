/**
 * The sweep that keeps missing copies: every finished job's pictures and clips whose links live
 * and that have no copy yet are kept, one at a time. Asked for when the network comes back, after
 * a start and from History; a call during a sweep runs one more sweep after it.
 */
import { copiesToKeep } from '../copies-to-keep';
import type { Job } from '../job';
import type { JobKind } from '../kind';
import type { RunnerPersistence } from './ports';

/** What a sweep reads. */
export interface CopySweepDeps {
  persistence: Pick<RunnerPersistence, 'loadAll' | 'keepMissing'> | undefined;
  /** The jobs in memory (every stored one once `loadAll` resolved). */
  jobs: () => Job[];
  kindOf: (job: Job) => JobKind | undefined;
  now: () => number;
  stopped: () => boolean;
}

/** A sweep function; resolves when the sweep it joined (and any asked for meanwhile) is over. */
export function createCopySweep(deps: CopySweepDeps): () => Promise<void> {
  let sweeping: Promise<void> | null = null;
  let again = false;
  const sweep = async (): Promise<void> => {
    const { persistence } = deps;
    if (!persistence) return;
    do {
      again = false;
      await persistence.loadAll();
      if (deps.stopped()) return;
      await persistence.keepMissing(copiesToKeep(deps.jobs(), deps.kindOf, deps.now()));
    } while (again && !deps.stopped());
  };
  return () => {
    if (sweeping) {
      again = true;
      return sweeping;
    }
    sweeping = sweep()
      .catch(() => {})
      .finally(() => (sweeping = null));
    return sweeping;
  };
}
