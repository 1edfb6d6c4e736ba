/**
 * The job runner: a thin loop around the pure job machine (`../machine/machine.ts`). It owns what
 * cannot be pure: the queue and its slots, abort controllers, timers, the calls, saves, and which
 * tab runs which job (`JobLocks`). Every decision is the machine's; the runner feeds it events
 * (call results, lookups, ticks, the person's commands) and carries out the effects it returns.
 * Lives outside React; the only writer of job state (the jobs store and persistence).
 *
 * This file only puts the runner together. Its parts, each with one job, share one state object
 * (`runner-state.ts`): `dispatch` (the loop), `effects`, `executions`, `calls`, `slots`,
 * `adoption` (other tabs' jobs) and `commands`.
 */
import { onRemoteChange } from './adoption';
import * as commands from './commands';
import { createCopySweep } from './copy-sweep';
import { dispatch } from './dispatch';
import type { Runner, RunnerDeps } from './ports';
import { createRunnerState } from './runner-state';
import { pump } from './slots';
import { sinkFor } from '../jobs-sink';

/** Creates a runner. One per tab; tests make one per simulated tab. */
export function createRunner(deps: RunnerDeps): Runner {
  const state = createRunnerState(deps);
  state.dispatch = (id, event, ex, at) => dispatch(state, id, event, ex, at);
  state.pump = () => pump(state);
  const { store, persistence, locks } = state;

  persistence?.setLocalOwner((id) => locks.holds(id));
  const unsubscribe = persistence?.onRemoteChange((change) => onRemoteChange(state, change));
  // Back online: the jobs this tab held back go to the queue, oldest first.
  const unwatchNetwork = deps.network?.onOnline(() => {
    const waiting = Object.values(store.getState().byId).filter((j) => j.waitingFor);
    waiting.sort((a, b) => a.createdAt - b.createdAt);
    for (const j of waiting) if (locks.holds(j.id)) state.dispatch(j.id, { type: 'online' });
  });
  const sweepCopies = createCopySweep({
    persistence,
    jobs: () => Object.values(store.getState().byId),
    kindOf: (job) => state.kinds.of(job),
    now: state.now,
    stopped: () => state.disposed,
  });

  return {
    sink: sinkFor(state.actions, store),
    submit: (request, opts) => commands.submit(state, request, opts),
    cancel: (id) => commands.cancel(state, id),
    retry: (id) => commands.retry(state, id),
    checkAgain: (id) => commands.checkAgain(state, id),
    remove: (ids) => commands.remove(state, ids),
    resumeAll: () => commands.resumeAll(state),
    keepMissingCopies: () => (state.disposed ? Promise.resolve() : sweepCopies()),
    dispose() {
      if (state.disposed) return;
      commands.dispose(state);
      unsubscribe?.();
      unwatchNetwork?.();
    },
  };
}
