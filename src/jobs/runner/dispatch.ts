/**
 * The loop: an event in, the machine's decision, the job into the store, the effects out, all in
 * one synchronous step (a stream's line reaches the store before the next line is read).
 */
import { jobMsg } from '../job-codes';
import type { JobEvent, Transition } from '../machine/types';
import { idleRun } from '../machine/types';
import { transition } from '../machine/machine';
import { perform } from './effects';
import { end } from './executions';
import { machineCtx } from './runner-config';
import { jobOf, type Exec, type RunnerState } from './runner-state';

/** Feeds `event` about job `id` to the machine and carries out what it decides. */
export function dispatch(
  state: RunnerState,
  id: string,
  event: JobEvent,
  ex?: Exec,
  at = state.now(),
): void {
  const job = jobOf(state, id);
  const { kinds } = state;
  const kind =
    event.type === 'submitted'
      ? kinds.get(event.kind)
      : kinds.of(event.type === 'adopted' ? event.stored : (job ?? {}));
  // A job of a kind this version does not know (e.g. imported) is shown, never run.
  if (kind) {
    const ctx = machineCtx(state.deps, kind, ex?.run, at);
    let out: Transition;
    try {
      out = transition(job, event, ctx);
    } catch (err) {
      // A bug must not leave a job spinning forever: show it on the job.
      const error = { kind: 'invalid' as const, reason: jobMsg('job.bug', { error: String(err) }) };
      out = job
        ? {
            job: { ...job, status: 'failed', error, finishedAt: at },
            run: idleRun(ctx.tuning),
            effects: [{ type: 'save' }, { type: 'end' }],
          }
        : { job, run: idleRun(ctx.tuning), effects: [] };
    }
    if (ex) ex.run = out.run;
    if (out.job && out.job !== job) state.actions.upsert(out.job);
    for (const effect of out.effects) perform(state, id, effect, ex);
  }
  // An execution the machine left idle has nothing more to do: free its slot.
  if (ex && state.execs.get(id) === ex && ex.run.phase === 'idle') end(state, id, ex);
}
