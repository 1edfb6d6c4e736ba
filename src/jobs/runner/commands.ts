/** The person's commands (and the app's), as the runner carries them out. */
import { newTraceId } from '../../api/trace-id';
import { isJobActive } from '../job';
import { canCheck } from '../machine/lookup';
import { canCancel, canRetry } from '../machine/machine';
import type { JobEvent } from '../machine/types';
import { adopt } from './adoption';
import { stop } from './executions';
import type { Runner } from './ports';
import { jobOf, newExec, type RunnerState } from './runner-state';

/** Queues a job and returns its local id at once (see `Runner.submit`). */
export function submit(state: RunnerState, ...[request, opts = {}]: Parameters<Runner['submit']>) {
  if (state.disposed) throw new Error('The job runner has been stopped.');
  const kind = opts.kind ?? state.kinds.fallback;
  if (!state.kinds.get(kind)) throw new Error(`Unknown kind of job: ${kind}.`);
  const id = opts.id ?? newTraceId();
  // Strictly increasing, so jobs submitted within one millisecond keep their feed order.
  const t = Math.max(state.now(), state.lastCreatedAt + 1);
  state.lastCreatedAt = t;
  void state.locks.claim(id);
  const event: JobEvent = {
    type: 'submitted',
    id,
    traceId: newTraceId(),
    kind,
    request,
    ...(opts.delivery ? { delivery: opts.delivery } : {}),
    ...(opts.parent ? { parent: opts.parent } : {}),
    ...(opts.batch ? { batch: opts.batch } : {}),
  };
  state.dispatch(id, event, undefined, t);
  return id;
}

/** Stops following a job here and marks it cancelled. */
export function cancel(state: RunnerState, id: string): boolean {
  if (!canCancel(jobOf(state, id)) || !state.locks.holds(id)) return false;
  state.dispatch(id, { type: 'cancel' }, state.execs.get(id));
  return true;
}

/** Sends a job again (the person's call only: it may spend credits again). */
export function retry(state: RunnerState, id: string): boolean {
  const job = jobOf(state, id);
  if (!canRetry(job) || state.disposed) return false;
  // A stalled job of another tab is that tab's to retry.
  if (job?.status === 'stalled' && !state.locks.holds(id)) return false;
  void state.locks.claim(id);
  // The machine rebuilds the request with the kind's schema: loaded first.
  const event: JobEvent = { type: 'retry', traceId: newTraceId() };
  const loading = state.kinds.of(job ?? {})?.load() ?? Promise.resolve();
  void loading.then(() => !state.disposed && state.dispatch(id, event, state.execs.get(id)));
  return true;
}

/** Asks the tasks endpoint about a job now. */
export function checkAgain(state: RunnerState, id: string): boolean {
  if (!canCheck(jobOf(state, id)) || state.disposed) return false;
  const ex = state.execs.get(id);
  if (ex) {
    state.dispatch(id, { type: 'checkAgain' }, ex);
    return true;
  }
  void state.locks.claim(id).then((ok) => {
    if (ok && !state.disposed && !state.execs.has(id)) {
      state.dispatch(id, { type: 'checkAgain' }, newExec(state, id));
    }
  });
  return true;
}

/** Stops and deletes jobs (and their cached images). */
export async function remove(state: RunnerState, ids: string[]): Promise<void> {
  for (const id of ids) {
    const ex = state.execs.get(id);
    if (ex) {
      state.execs.delete(id);
      stop(ex);
    }
    state.queue.remove(id);
    state.locks.release(id);
  }
  if (state.persistence) await state.persistence.deleteJobs(ids);
  else state.actions.remove(ids);
  state.pump();
}

/** Loads the history and picks up every unfinished job no other tab is running. */
export async function resumeAll(state: RunnerState): Promise<void> {
  const { persistence, locks } = state;
  if (!persistence || state.disposed) return;
  const jobs = await persistence.loadJobs();
  await Promise.all(
    jobs
      .filter((job) => isJobActive(job) && !locks.holds(job.id) && !state.execs.has(job.id))
      .map((job) => adopt(state, job.id)),
  );
}

/** Stops all work without changing any job. */
export function dispose(state: RunnerState): void {
  if (state.disposed) return;
  state.disposed = true;
  for (const ex of state.execs.values()) stop(ex);
  state.execs.clear();
  state.queue.clear();
  state.locks.dispose();
}
