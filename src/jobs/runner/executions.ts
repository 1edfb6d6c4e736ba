/**
 * An execution's life: fed events while it lasts, its timers, and its end (which frees its slot
 * and, once the job is over, its lock).
 */
import { isJobActive } from '../job';
import type { JobEvent, TimerName } from '../machine/types';
import { jobOf, type Exec, type RunnerState } from './runner-state';

/** True once an execution was stopped or replaced: what it learns now is stale. */
export function dead(state: RunnerState, ex: Exec): boolean {
  return ex.ctl.signal.aborted || state.execs.get(ex.id) !== ex;
}

/** Feeds an event from an execution's own work, unless the execution is over. */
export function feed(state: RunnerState, ex: Exec, event: JobEvent): void {
  if (!dead(state, ex)) state.dispatch(ex.id, event, ex);
}

/** Aborts an execution's call, lookups and timers. */
export function stop(ex: Exec): void {
  ex.ctl.abort();
  for (const timer of ex.timers.values()) timer.abort();
}

/** Ends a job's execution here: its slot goes to the next job, its lock once the job is over. */
export function end(state: RunnerState, id: string, ex: Exec | undefined): void {
  if (ex) {
    if (state.execs.get(id) === ex) state.execs.delete(id);
    stop(ex);
  }
  const job = jobOf(state, id);
  if (!state.disposed && (!job || !isJobActive(job))) state.locks.release(id);
  state.pump();
}

/** Starts (or restarts) one of an execution's timers; it fires as a `tick` event. */
export function setTimer(state: RunnerState, ex: Exec, name: TimerName, ms: number): void {
  ex.timers.get(name)?.abort();
  const ctl = new AbortController();
  ex.timers.set(name, ctl);
  const fire = () => {
    if (ctl.signal.aborted) return;
    if (ex.timers.get(name) === ctl) ex.timers.delete(name);
    feed(state, ex, { type: 'tick', timer: name });
  };
  if (ms <= 0) void Promise.resolve().then(fire);
  else void state.sleep(ms, ctl.signal).then(fire);
}

/** Stops a timer of an execution. */
export function clearTimer(ex: Exec | undefined, name: TimerName): void {
  ex?.timers.get(name)?.abort();
  ex?.timers.delete(name);
}
