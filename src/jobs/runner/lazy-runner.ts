/**
 * The runner, loaded after the first paint: the machine, its steps and lookups, the tab locks and
 * the save queue are not needed to show the composer, so `app/` hands out this stand-in and the
 * real runner (`runner.ts`) loads with the start. Until it is there, what the person asks for
 * and what persistence reports (another tab's change) wait for it, in order: the runner stays the
 * jobs store's only writer. A job sent meanwhile is named at once.
 */
import { newTraceId } from '../../api/trace-id';
import type { RunnerSink } from '../jobs-sink';
import type { Runner } from './ports';

/** A runner that loads on first use (`start`, or a command). */
export interface LazyRunner extends Runner {
  /** The real runner, loading it if not yet (a failed load is tried again on the next call). */
  load(): Promise<Runner>;
}

/** The stand-in over `load`, which makes the real runner. */
export function createLazyRunner(load: () => Promise<Runner>): LazyRunner {
  let real: Runner | undefined;
  let loading: Promise<Runner> | undefined;
  let disposed = false;
  /** Commands given before the runner loaded, in order. */
  const waiting: ((runner: Runner) => void)[] = [];

  function ensure(): Promise<Runner> {
    loading ??= load().then(
      (runner) => {
        real = runner;
        if (disposed) runner.dispose();
        for (const command of waiting.splice(0)) command(runner);
        return runner;
      },
      (err: unknown) => {
        loading = undefined;
        throw err;
      },
    );
    return loading;
  }

  /** Runs `command` now, or once the runner is there; false when it had to wait. */
  function whenReady(command: (runner: Runner) => unknown): boolean {
    if (real) return Boolean(command(real));
    waiting.push(command);
    void ensure().catch(() => {});
    return false;
  }

  const sink: RunnerSink = {
    merge: (jobs, keep) => void whenReady((runner) => runner.sink.merge(jobs, keep)),
    remove: (ids) => void whenReady((runner) => runner.sink.remove(ids)),
    patch: (id, patch) => void whenReady((runner) => runner.sink.patch(id, patch)),
    notice: (notice) => void whenReady((runner) => runner.sink.notice(notice)),
  };

  return {
    sink,
    load: ensure,
    submit(request, opts = {}) {
      if (real) return real.submit(request, opts);
      if (disposed) throw new Error('The job runner has been stopped.');
      const id = opts.id ?? newTraceId();
      whenReady((runner) => runner.submit(request, { ...opts, id }));
      return id;
    },
    cancel: (id) => whenReady((runner) => runner.cancel(id)),
    retry: (id) => whenReady((runner) => runner.retry(id)),
    checkAgain: (id) => whenReady((runner) => runner.checkAgain(id)),
    remove: async (ids) => (await ensure()).remove(ids),
    resumeAll: async () => (await ensure()).resumeAll(),
    // A sweep whose code could not load is skipped: the network's return asks for another.
    keepMissingCopies: () =>
      ensure().then(
        (runner) => runner.keepMissingCopies(),
        () => {},
      ),
    dispose() {
      disposed = true;
      waiting.length = 0;
      real?.dispose();
    },
  };
}
