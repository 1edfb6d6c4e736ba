/**
 * Following jobs other tabs started: a job whose tab closed is adopted by the tab that gets its
 * lock, and a job met at a start is claimed, or watched until its tab lets it go.
 */
import { isJobActive, type StoredJob } from '../job';
import type { RemoteChange } from './ports';
import { jobOf, newExec, type RunnerState } from './runner-state';

/** Starts following a job whose lock this tab now holds. */
function adoptClaimed(state: RunnerState, job: StoredJob): void {
  if (state.disposed || state.execs.has(job.id)) return;
  state.dispatch(job.id, { type: 'adopted', stored: job }, newExec(state, job.id));
}

/** Waits for another tab's job to be orphaned, then adopts it if it is still unfinished. */
function watchOrphan(state: RunnerState, id: string): void {
  const { persistence, locks } = state;
  if (!persistence || state.disposed) return;
  let fresh: StoredJob | undefined;
  locks.watch(
    id,
    async () => {
      fresh = await persistence.getJob(id);
      return !!fresh && isJobActive(fresh) && !state.disposed;
    },
    () => fresh && adoptClaimed(state, fresh),
  );
}

/** Another tab changed or deleted a job: watch it if it runs there, forget it if it is gone. */
export function onRemoteChange(state: RunnerState, change: RemoteChange): void {
  if (!change.job) state.locks.unwatch(change.id);
  else if (isJobActive(change.job) && !state.locks.holds(change.id)) watchOrphan(state, change.id);
}

/** Takes over an unfinished job if no other tab runs it; else waits for it to be orphaned. */
export async function adopt(state: RunnerState, id: string): Promise<void> {
  const { persistence, locks } = state;
  if (!(await locks.claim(id))) return watchOrphan(state, id);
  // The lock is ours; the record on disk is the truth now (the other tab may have just ended it).
  const fresh = persistence ? await persistence.getJob(id) : jobOf(state, id);
  if (!fresh || !isJobActive(fresh) || state.disposed || !state.kinds.of(fresh)) {
    if (!state.disposed) locks.release(id);
    if (fresh) state.actions.upsert(fresh);
    return;
  }
  adoptClaimed(state, fresh);
}
