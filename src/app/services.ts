/**
 * The studio's services, made once per tab by `app/` and handed to the features (through props
 * and each feature's context), so no feature reaches a module singleton. Tests make their own.
 */
import type { QueryClient } from '@tanstack/react-query';
import { createDraftStore, type DraftStore } from '../features/composer/draft-store';
import { createFeedWindow, type FeedWindow } from '../features/feed/feed-window';
import { loadPicture } from '../kinds/shared/picture/use-loaded-src';
import {
  baseUrlFor,
  clientConfig,
  createConfigStore,
  type ConfigStore,
  type Target,
} from '../settings/config-store';
import { lateSink } from '../jobs/jobs-sink';
import { createNetworkStatus, type NetworkStatus } from '../settings/network-status';
import { readStudioConfig } from '../api/runtime-config';
import { PICTURE_CACHE, STAGING_CACHE } from '../storage/image-cache/kept-copy';
import { watchBlockedOrigins } from '../storage/image-cache/blocked-origins';
import { pageDecodes } from '../storage/image-cache/decode-check';
import type { BlockedOrigins } from '../storage/image-cache/cache-options';
import { afterFirstPaint } from '../storage/history-file/import-marker';
import { createPersistence, type Persistence } from '../storage/persistence/persistence';
import { createLazyRunner } from '../jobs/runner/lazy-runner';
import type { Runner } from '../jobs/runner/ports';
import type { KindRegistry } from '../jobs/kind';
import { jobsStore, type JobsStore } from '../jobs/store';
import { registerWords } from '../i18n/say';
import { jobKinds, KINDS, studioWords } from '../kinds/registry';
import type { KindEntry } from '../kinds/shared/kind-entry';
import { loadOnce, type LoadOnce } from '../lazy/load-once';
import { prefetch } from '../lazy/retrying-preload';

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
  /** Whether the browser is online and the target answers. */
  network: NetworkStatus;
  /** Which part of the feed is on the page. */
  feedWindow: FeedWindow;
  /** The studio server's image relay path (`/relay`), or null on a static host. */
  relay: string | null;
  /** Picture hosts the page's Content-Security-Policy refused (not among its picture origins). */
  blocked: BlockedOrigins;
  /**
   * TanStack Query's client, loaded on first use: only History, Settings and an expired feed
   * image need it, so it stays out of the initial JavaScript. Always the same client.
   */
  queryClient: LoadOnce<QueryClient>;
  /** The endpoints the studio speaks (`kinds/registry.ts`): their tools, cards and contracts. */
  kinds: readonly KindEntry[];
  /** The job kinds among them, as the runner and an import look them up. */
  jobKinds: KindRegistry;
  /** Restores history and resumes unfinished jobs; only the first call does anything. */
  start(): Promise<void>;
}

/** Options of {@link createServices}. */
export interface ServicesOptions {
  /** The endpoints (default: the studio's, `KINDS`); a test adds a fake one here. */
  kinds?: readonly KindEntry[];
}

/** The services of this tab. */
export function createServices(options: ServicesOptions = {}): Services {
  const kinds = options.kinds ?? KINDS;
  const registry = jobKinds(kinds);
  // The words of the studio's messages: its layers', then each kind's (loaded with the cards).
  registerWords(...studioWords(kinds));
  const { relay } = readStudioConfig();
  // Cache Storage exists in secure contexts only; the service worker answers `<img>` from it.
  const offlineCache =
    typeof caches !== 'undefined' &&
    typeof navigator !== 'undefined' &&
    'serviceWorker' in navigator;
  const network = createNetworkStatus(typeof window === 'undefined' ? undefined : window);
  const blocked = watchBlockedOrigins(globalThis.document);
  // Persistence reports to the runner, the jobs store's only writer (made just below).
  const persistence = createPersistence({
    kinds: registry,
    sink: lateSink(() => runner.sink),
    copyMeans: () => ({ relay, offlineCache, online: network.get().online }),
    blocked,
    decodes: pageDecodes(),
    ...(offlineCache
      ? {
          pictureCache: () => caches.open(PICTURE_CACHE),
          stagingCache: () => caches.open(STAGING_CACHE),
        }
      : {}),
  });
  const config = createConfigStore();
  // Every call to a target says whether it answered; the probe tells when it is back.
  const fetch = network.wrapFetch();
  network.probeWhileUnreachable(() => baseUrlFor(config.getState().settings.target));
  // Loaded with the start, after the first paint: the composer needs none of it.
  const runner = studioRunner({ registry, persistence, network, config, fetch });
  // A copy missed while offline is kept when the network is back (and after a start, from History).
  network.subscribe((s, prev) => {
    if (s.online && !prev.online) void runner.keepMissingCopies();
  });
  // A failed load is not kept: History's or Settings' Retry loads the client again.
  const queryClient = loadOnce(() => import('./query-client').then((m) => m.createQueryClient()));
  let started: Promise<void> | undefined;
  const services: Services = {
    runner,
    persistence,
    jobs: jobsStore,
    draft: createDraftStore(),
    config,
    network,
    feedWindow: createFeedWindow(jobsStore),
    relay,
    blocked,
    queryClient,
    kinds,
    jobKinds: registry,
    start: () => {
      if (started) return started;
      // The history is read while the runner's code and the kinds' cards and tools load, not
      // after (a tool's code then comes with its host's, not one round trip behind it).
      persistence.preloadJobs();
      for (const entry of kinds) {
        const tools = [...(entry.tools?.image ?? []), ...(entry.tools?.prompt ?? [])];
        for (const part of [entry.card, ...tools]) void part?.load().catch(() => {});
      }
      // A start whose code could not load is made again when the network returns.
      started = runner.resumeAll().catch((err: unknown) => {
        started = undefined;
        const again = network.subscribe((s, prev) => {
          if (!s.online || prev.online) return;
          again();
          void services.start().catch(() => {});
        });
        throw err;
      });
      // The client and the kinds' contracts are fetched once the first cards are in, not when a job
      // is sent: a job held offline goes out the moment the network is back, its code in the
      // cache. Fetched, not imported: an import cut off by the network going away stays failed.
      const preload = () =>
        void Promise.all([
          prefetch(() => import('../api/client')),
          ...kinds.filter((entry) => entry.job).map((entry) => prefetch(entry.contract)),
        ]).catch(() => {});
      started.then(preload, preload);
      // Missing copies are kept once the first screen is up and the page is idle: never before.
      void started
        .then(afterFirstPaint)
        .then(() => runner.keepMissingCopies())
        .catch(() => {});
      return started;
    },
  };
  return services;
}

/** What the tab's runner is made from. */
interface RunnerParts {
  registry: KindRegistry;
  persistence: Persistence;
  network: NetworkStatus;
  config: ConfigStore;
  fetch: typeof fetch;
}

/** The tab's runner, loaded with the start (the composer needs none of it). */
function studioRunner({ registry, persistence, network, config, fetch }: RunnerParts): Runner {
  return createLazyRunner(async () => {
    // The tab's locks load with the runner, in parallel: neither is needed to paint.
    const [{ createRunner }, { createTabLocks, defaultLocks }] = await Promise.all([
      import('../jobs/runner/runner'),
      import('../storage/tab-sync/locks'),
    ]);
    return createRunner({
      kinds: registry,
      persistence,
      locks: createTabLocks(defaultLocks()),
      network: {
        online: () => network.get().online,
        onOnline: (listener) =>
          network.subscribe((s, prev) => s.online && !prev.online && listener()),
      },
      // Read afresh on every send, so a settings change applies to the next job.
      getConfig: () => {
        const state = config.getState();
        const { delivery, mode, callbackUrl, stallAfterSeconds, jobsPerTarget } = state.settings;
        return {
          client: { ...clientConfig(state), fetch },
          target: state.settings.target,
          delivery,
          mode,
          stallAfterMs: Math.max(2, stallAfterSeconds || 60) * 1000,
          maxInFlight: Math.max(1, Math.round(jobsPerTarget) || 3),
          ...(delivery === 'async' && callbackUrl.trim()
            ? { callbackUrl: callbackUrl.trim() }
            : {}),
        };
      },
      // A preview's picture is fetched as soon as its line is handled, before the card renders.
      onPreview: (url) => void loadPicture(url).catch(() => {}),
      // A job keeps the target it was sent to, even after Settings switch to another one.
      clientFor: ({ name, baseUrl }) => {
        const state = config.getState();
        const target = name as Target;
        if (baseUrlFor(target) !== baseUrl) return undefined;
        return { ...clientConfig({ ...state, settings: { ...state.settings, target } }), fetch };
      },
    });
  });
}
