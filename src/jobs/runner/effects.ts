/** Carrying out what the machine asked for: the runner's only contact with the world. */
import type { Effect } from '../machine/types';
import { lookup, send } from './calls';
import { clearTimer, end, setTimer } from './executions';
import { jobOf, type Exec, type RunnerState } from './runner-state';

/** Carries out one effect of job `id` (of execution `ex`, when it has one). */
export function perform(
  state: RunnerState,
  id: string,
  effect: Effect,
  ex: Exec | undefined,
): void {
  switch (effect.type) {
    case 'save':
      return void state.saves.persist(id);
    case 'send':
      if (ex) void send(state, ex, effect.body, effect.delivery);
      return;
    case 'timer':
      if (ex) setTimer(state, ex, effect.timer, effect.afterMs);
      return;
    case 'clearTimer':
      return clearTimer(ex, effect.timer);
    case 'lookup':
      if (ex) void lookup(state, ex, effect.key);
      return;
    case 'cache':
      for (const url of effect.urls) void state.persistence?.cacheImage(url);
      return;
    case 'notify': {
      if (effect.previewUrl) state.deps.onPreview?.(effect.previewUrl);
      const job = jobOf(state, id);
      if (job) state.persistence?.broadcastProgress(job);
      return;
    }
    case 'enqueue':
      state.queue.push(id);
      return state.pump();
    case 'dequeue':
      return state.queue.remove(id);
    case 'end':
      return end(state, id, ex ?? state.execs.get(id));
  }
}
