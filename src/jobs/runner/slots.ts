/** The runner's slots: queued jobs go out while their target has room (Settings: jobs at once). */
import { busyOn } from './send-queue';
import { dead, end, feed } from './executions';
import { jobOf, newExec, type RunnerState } from './runner-state';

/** Sends queued jobs while the current target has a free slot. */
export function pump(state: RunnerState): void {
  if (state.disposed) return;
  const config = state.deps.getConfig();
  const target = config.target ?? 'default';
  const cap = Math.max(1, config.maxInFlight ?? state.deps.maxInFlight ?? 3);
  const inFlight = () => [...state.execs.keys()].map((id) => jobOf(state, id));
  const room = () => busyOn(target, inFlight()) < cap;
  for (;;) {
    const id = state.queue.take(
      room,
      (q) => jobOf(state, q)?.status === 'queued' && !state.execs.has(q),
    );
    if (id === undefined) return;
    const ex = newExec(state, id);
    void (async () => {
      // The queued record (with its trace id) is on disk before anything leaves the tab.
      await state.saves.persisted(id);
      if (dead(state, ex)) return;
      if (!(await state.locks.claim(id))) return end(state, id, ex);
      feed(state, ex, { type: 'slot' });
    })();
  }
}
