/**
 * Which tab runs which job, through the Web Locks API: a tab holds the lock of every job it
 * sends or follows, so two tabs never follow (or send) the same job, and a tab that waits on a
 * lock learns when the holder's tab closed and can adopt its orphaned job.
 */

/** The slice of the Web Locks API used here (`navigator.locks`). */
export interface JobLocks {
  request(
    name: string,
    options: { ifAvailable?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => Promise<void> | void,
  ): Promise<unknown>;
}

/** The locks of one tab's jobs. */
export interface TabLocks {
  /** Takes responsibility for a job; false when another tab holds it. */
  claim(id: string): Promise<boolean>;
  /** Gives a job up (its lock is freed for other tabs). */
  release(id: string): void;
  /** True while this tab is responsible for the job. */
  holds(id: string): boolean;
  /**
   * Waits for another tab's job to be orphaned. When its lock is granted, `shouldAdopt` decides
   * (e.g. from the record on disk); on true this tab holds the lock and `adopt` starts the work.
   */
  watch(id: string, shouldAdopt: () => Promise<boolean>, adopt: () => void): void;
  /** Stops waiting for a job's lock (it was deleted). */
  unwatch(id: string): void;
  /** Frees every lock and stops every wait. */
  dispose(): void;
}

function lockName(id: string): string {
  return `imagine-studio-job:${id}`;
}

/** `navigator.locks` when the platform has it. */
export function defaultLocks(): JobLocks | null {
  const nav = (globalThis as { navigator?: { locks?: unknown } }).navigator;
  return nav?.locks ? (nav.locks as JobLocks) : null;
}

/** The locks of a tab; with `locks` null every claim succeeds (one tab, best effort). */
export function createTabLocks(locks: JobLocks | null): TabLocks {
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
