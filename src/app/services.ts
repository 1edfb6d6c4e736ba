/**
 * The studio's services, made once per tab by `app/` and handed to the features (through props
 * and each feature's context), so no feature reaches a module singleton. Tests make their own.
 */
import type { QueryClient } from '@tanstack/react-query';
import { createDraftStore, type DraftStore } from '../features/composer/draft-store';
import { createFeedWindow, type FeedWindow } from '../features/feed/feed-window';
import { clientConfig, createConfigStore, type ConfigStore } from '../jobs/config-store';
import { createPersistence, type Persistence } from '../jobs/persistence';
import { createRunner, type Runner } from '../jobs/runner';
import { jobsStore, type JobsStore } from '../jobs/store';

/** Everything the features are given. */
export interface Services {
  runner: Runner;
  /** History storage: jobs, cached images, export/import. */
  persistence: Persistence;
  /** Live jobs, written only by the runner. */
  jobs: JobsStore;
  /** The prompt being written. */
  draft: DraftStore;
  /** Target, token and settings. */
  config: ConfigStore;
  /** Which part of the feed is on the page. */
  feedWindow: FeedWindow;
  /**
   * TanStack Query's client, loaded on first use: only History, Settings and an expired feed
   * image need it, so it stays out of the initial JavaScript. Always the same client.
   */
  queryClient(): Promise<QueryClient>;
  /** Restores history and resumes unfinished jobs; only the first call does anything. */
  start(): Promise<void>;
}

/** The services of this tab. */
export function createServices(): Services {
  const persistence = createPersistence();
  const config = createConfigStore();
  const runner = createRunner({
    persistence,
    // Read afresh on every send, so a settings change applies to the next job.
    getConfig: () => {
      const state = config.getState();
      const { delivery, mode, callbackUrl, stallAfterSeconds } = state.settings;
      return {
        client: clientConfig(state),
        delivery,
        mode,
        stallAfterMs: Math.max(2, stallAfterSeconds || 60) * 1000,
        ...(delivery === 'async' && callbackUrl.trim() ? { callbackUrl: callbackUrl.trim() } : {}),
      };
    },
  });
  let queries: Promise<QueryClient> | undefined;
  let started: Promise<void> | undefined;
  return {
    runner,
    persistence,
    jobs: jobsStore,
    draft: createDraftStore(),
    config,
    feedWindow: createFeedWindow(jobsStore),
    queryClient: () => (queries ??= import('./query-client').then((m) => m.createQueryClient())),
    start: () => (started ??= runner.resumeAll()),
  };
}
