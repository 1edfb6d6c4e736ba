/**
 * The runner's calls to the service: sending a job (its events fed back as they come) and looking
 * a task up, each through the client of the target the job was sent to.
 */
import type { ClientConfig, Delivery, TaskKey } from '../../api/client-config';
import { asApiError } from '../../api/errors';
import type { Job } from '../job';
import { dead, feed } from './executions';
import { jobOf, type Exec, type RunnerState } from './runner-state';

/** The client for a job: the target it was sent to, never another target's token. */
export function clientOf(state: RunnerState, job: Job | undefined): ClientConfig {
  const current = state.deps.getConfig().client;
  const target = job?.target;
  if (!target || target.baseUrl === current.baseUrl) return current;
  return (
    state.deps.clientFor?.(target) ?? {
      baseUrl: target.baseUrl,
      ...(current.fetch ? { fetch: current.fetch } : {}),
    }
  );
}

/** Sends a job's request and feeds what comes back, line by line, to the machine. */
export async function send(
  state: RunnerState,
  ex: Exec,
  body: Record<string, unknown>,
  delivery: Delivery,
): Promise<void> {
  // `running` on disk = "may have been sent": after a reload it is looked up, never resent.
  await state.saves.persisted(ex.id);
  const job = jobOf(state, ex.id);
  const kind = job && state.kinds.of(job);
  if (dead(state, ex) || !kind) return;
  try {
    await kind.load(); // what the kind reads answers with; a failed load fails the send
    const events = kind.send(clientOf(state, job), body, { delivery, signal: ex.ctl.signal });
    // Each line goes to the machine (and the store) as it is read: nothing awaited in between.
    for await (const event of events) {
      if (dead(state, ex)) return;
      if (event.type === 'done') return feed(state, ex, { type: 'done', response: event.response });
      if (event.type === 'accepted') feed(state, ex, { type: 'accepted', taskId: event.taskId });
      else feed(state, ex, { type: 'line', response: event.response });
    }
    feed(state, ex, { type: 'dropped' });
  } catch (err) {
    feed(state, ex, { type: 'failed', error: asApiError(err) });
  }
}

/** Asks the tasks endpoint about a job and feeds the answer (or the failure) to the machine. */
export async function lookup(state: RunnerState, ex: Exec, key: TaskKey): Promise<void> {
  try {
    // The client and the contract the task is read with load with the first lookup.
    const kind = state.kinds.of(jobOf(state, ex.id) ?? {});
    const [{ retrieveTask }] = await Promise.all([import('../../api/client'), kind?.load()]);
    const task = await retrieveTask(clientOf(state, jobOf(state, ex.id)), key, ex.ctl.signal);
    feed(state, ex, { type: 'polled', task });
  } catch (err) {
    feed(state, ex, { type: 'pollFailed', error: asApiError(err) });
  }
}
