/**
 * The runner's send queue and its limit. The queue lives in the jobs store (`JobsState.queue`),
 * so a card can say its place; only the runner changes it, through this. The limit is the
 * service's: at most `cap` jobs sent or followed at once on one target (Settings, default 3), so
 * a job on another target neither waits for nor holds up this one's.
 */
import type { Job } from '../job';
import type { JobsActions, JobsStore } from '../store';

/** The queue of one runner. */
export interface SendQueue {
  push(id: string): void;
  remove(id: string): void;
  /**
   * Takes the next job to send while `room()` says its target has a slot: the first queued one,
   * dropping ids whose job no longer waits for a slot. Undefined when none can go now.
   */
  take(room: () => boolean, waits: (id: string) => boolean): string | undefined;
  clear(): void;
}

/** A send queue kept in `store`. */
export function createSendQueue(store: JobsStore, actions: JobsActions): SendQueue {
  const ids = () => store.getState().queue;
  return {
    push(id) {
      if (!ids().includes(id)) actions.setQueue([...ids(), id]);
    },
    remove(id) {
      if (ids().includes(id)) actions.setQueue(ids().filter((x) => x !== id));
    },
    take(room, waits) {
      const queue = ids();
      const stale = queue.filter((id) => !waits(id));
      if (stale.length) actions.setQueue(queue.filter((id) => waits(id)));
      const next = ids()[0];
      if (next === undefined || !room()) return undefined;
      actions.setQueue(ids().slice(1));
      return next;
    },
    clear() {
      if (ids().length) actions.setQueue([]);
    },
  };
}

/**
 * How many of the jobs in flight (`inFlight`) hold a slot on `target`: a job counts on the target
 * it was sent to, and one not sent yet on the target it is about to go to (the current one).
 */
export function busyOn(
  target: string,
  inFlight: Iterable<Job | undefined>,
  current: string = target,
): number {
  let n = 0;
  for (const job of inFlight) if ((job?.target?.name ?? current) === target) n += 1;
  return n;
}
