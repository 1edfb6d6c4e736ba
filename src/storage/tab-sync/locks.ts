/**
 * Which tab runs which job, through the Web Locks API: a tab holds the lock of every job it
 * sends or follows, so two tabs never follow (or send) the same job, and a tab that waits on a
 * lock learns when the holder's tab closed and can adopt its orphaned job.
 */
import type { JobLocks } from '../../jobs/runner/ports';

/** The slice of the Web Locks API used here (`navigator.locks`). */
export interface WebLocks {
  request(
    name: string,
    options: { ifAvailable?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => Promise<void> | void,
  ): Promise<unknown>;
}

function lockName(id: string): string {
  return `imagine-studio-job:${id}`;
}

/** `navigator.locks` when the platform has it. */
export function defaultLocks(): WebLocks | null {
  const nav = (globalThis as { navigator?: { locks?: unknown } }).navigator;
  return nav?.locks ? (nav.locks as WebLocks) : null;
}

/**
 * The runner's `JobLocks` of a tab over the Web Locks API; with `locks` null every claim succeeds
 * (one tab, best effort, like the runner's own `oneTabLocks`, which this chunk does not pull in).
 */
export function createTabLocks(locks: WebLocks | null): JobLocks {
  /** Jobs this tab is responsible for, with the release of their lock. */
  const held = new Map<string, () => void>();
  /** Lock requests waiting for another tab's job to be orphaned. */
  const watching = new Map<string, AbortController>();
  let disposed = false;

  return {
    claim(id) {
      if (held.has(id)) return Promise.resolve(true);
      if (!locks) {
        held.set(id, () => {});
        return Promise.resolve(true);
      }
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      // Marked before the grant so this tab ignores other tabs' echoes of a job it just started.
      held.set(id, release);
      return new Promise((resolve) => {
        locks
          .request(lockName(id), { ifAvailable: true }, (lock) => {
            if (!lock) {
              if (held.get(id) === release) held.delete(id);
              resolve(false);
              return;
            }
            resolve(true);
            return released;
          })
          .catch(() => resolve(true)); // A broken lock manager: run it anyway (best effort).
      });
    },

    release(id) {
      held.get(id)?.();
      held.delete(id);
    },

    holds: (id) => held.has(id),

    watch(id, shouldAdopt, adopt) {
      if (!locks || disposed || watching.has(id) || held.has(id)) return;
      const ctl = new AbortController();
      watching.set(id, ctl);
      locks
        .request(lockName(id), { signal: ctl.signal }, async () => {
          watching.delete(id);
          if (disposed) return;
          // Finished normally in its own tab: nothing to adopt.
          if (!(await shouldAdopt()) || held.has(id) || disposed) return;
          await new Promise<void>((release) => {
            held.set(id, release);
            adopt();
          });
        })
        .catch(() => watching.delete(id)); // Aborted on dispose, or no lock manager after all.
    },

    unwatch(id) {
      watching.get(id)?.abort();
      watching.delete(id);
    },

    dispose() {
      disposed = true;
      for (const ctl of watching.values()) ctl.abort();
      watching.clear();
      for (const release of held.values()) release();
      held.clear();
    },
  };
}
