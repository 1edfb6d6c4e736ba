import { useEffect } from 'react';
import { createPersistence, type Persistence } from '../jobs/persistence';
import { createRunner } from '../jobs/runner';
import type { Runner } from '../jobs/runner-types';
import { baseUrlFor, clientConfig, configStore, type Target } from '../jobs/config-store';
import { storeSink } from '../jobs/jobs-sink';
import { jobsStore } from '../jobs/store';

let instance: { runner: Runner; persistence: Persistence; resumed?: Promise<void> } | null = null;

/** The one runner of this tab, created on first use; reads settings afresh on every send. */
export function getRunner(): { runner: Runner; persistence: Persistence } {
  if (!instance) {
    // Until the runner is the store's only writer, persistence's reports go to the store's actions.
    const sink = storeSink(jobsStore);
    const persistence = createPersistence({ sink, onNotice: sink.notice });
    const runner = createRunner({
      persistence,
      getConfig: () => {
        const state = configStore.getState();
        const { delivery, mode, callbackUrl, stallAfterSeconds } = state.settings;
        return {
          client: clientConfig(state),
          target: state.settings.target,
          delivery,
          mode,
          stallAfterMs: Math.max(2, stallAfterSeconds || 60) * 1000,
          ...(delivery === 'async' && callbackUrl.trim()
            ? { callbackUrl: callbackUrl.trim() }
            : {}),
        };
      },
      // A job keeps the target it was sent to, even after Settings switch to another one.
      clientFor: ({ name, baseUrl }) => {
        const state = configStore.getState();
        const target = name as Target;
        if (baseUrlFor(target) !== baseUrl) return undefined;
        return clientConfig({ ...state, settings: { ...state.settings, target } });
      },
    });
    instance = { runner, persistence };
  }
  return instance;
}

/** The runner for components; on first mount it restores history and resumes unfinished jobs. */
export function useRunner(): Runner {
  const current = getRunner();
  useEffect(() => {
    if (instance && !instance.resumed) instance.resumed = instance.runner.resumeAll();
  }, []);
  return current.runner;
}
