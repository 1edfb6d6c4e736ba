import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Composer } from '../features/composer/composer';
import { DraftContext } from '../features/composer/draft-store';
import { Feed } from '../features/feed/feed';
import { FeedActionsContext } from '../features/feed/feed-actions';
import { FeedWindowContext } from '../features/feed/feed-window';
import { isJobActive, type Job } from '../jobs/job';
import type { AnimateSource } from './animate-dialog';
import { ErrorBoundary } from './error-boundary';
import { createFeedActions } from './feed-actions';
import { Header, type View } from './header';
import { RegionDialog } from './region-dialog';
import type { Services } from './services';
import { ServicesProvider, WithQueries } from './services-context';
import { StorageNoticeBar } from './storage-notice';
import { Toasts } from './toasts';

// History and Settings load on first use: neither is needed to write a prompt and watch it form.
const HistoryView = lazy(() =>
  import('../features/history/history-view').then((m) => ({ default: m.HistoryView })),
);
// The Animate form is needed only once someone animates an image.
const AnimateDialog = lazy(() =>
  import('./animate-dialog').then((m) => ({ default: m.AnimateDialog })),
);
const SettingsDialog = lazy(() =>
  import('../features/settings/settings-dialog').then((m) => ({ default: m.SettingsDialog })),
);

/** Props of {@link App}. */
export interface AppProps {
  /** The tab's services (`createServices()`); tests pass their own. */
  services: Services;
}

/** The whole studio: composer and feed, history, settings and the region editor. */
export function App({ services }: AppProps) {
  const { runner, persistence, feedWindow } = services;
  const [view, setView] = useState<View>('studio');
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [regionJob, setRegionJob] = useState<Job | null>(null);
  const [animateFrom, setAnimateFrom] = useState<AnimateSource | null>(null);

  useEffect(() => {
    void services.start();
  }, [services]);

  useEffect(() => {
    document.title = view === 'history' ? 'History — Imagine Studio' : 'Imagine Studio';
  }, [view]);

  const actions = useMemo(
    () =>
      createFeedActions(services, {
        varyRegion: setRegionJob,
        animate: (job) => setAnimateFrom({ job }),
        openSettings: () => setSettingsOpen(true),
      }),
    [services],
  );

  return (
    <ServicesProvider services={services}>
      <DraftContext.Provider value={services.draft}>
        <FeedWindowContext.Provider value={feedWindow}>
          <FeedActionsContext.Provider value={actions}>
            <Header view={view} onView={setView} onSettings={() => setSettingsOpen(true)} />
            <StorageNoticeBar />
            <main>
              {view === 'studio' ? (
                <div className="studio">
                  <ErrorBoundary label="composer">
                    <Composer
                      onSubmit={(request) => runner.submit(request)}
                      onAnimate={(url) => setAnimateFrom({ url })}
                    />
                  </ErrorBoundary>
                  <ErrorBoundary label="feed">
                    <Feed />
                  </ErrorBoundary>
                </div>
              ) : (
                <ErrorBoundary label="history">
                  <Suspense fallback={<p className="hint">Loading history…</p>}>
                    <WithQueries>
                      <HistoryView
                        store={services.jobs}
                        persistence={persistence}
                        removeJobs={(ids) => runner.remove(ids)}
                        // An undone delete of an unfinished job: it is looked up again, never resent.
                        onRestored={(jobs) =>
                          jobs.forEach((job) => isJobActive(job) && runner.checkAgain(job.id))
                        }
                        onOpenJob={(id) => {
                          setView('studio');
                          feedWindow.reveal(id);
                        }}
                      />
                    </WithQueries>
                  </Suspense>
                </ErrorBoundary>
              )}
            </main>
            {settingsOpen && (
              <Suspense fallback={null}>
                <WithQueries>
                  <SettingsDialog config={services.config} onClose={() => setSettingsOpen(false)} />
                </WithQueries>
              </Suspense>
            )}
            {animateFrom && (
              <Suspense fallback={null}>
                <AnimateDialog source={animateFrom} onClose={() => setAnimateFrom(null)} />
              </Suspense>
            )}
            {regionJob && <RegionDialog job={regionJob} onClose={() => setRegionJob(null)} />}
            <Toasts />
          </FeedActionsContext.Provider>
        </FeedWindowContext.Provider>
      </DraftContext.Provider>
    </ServicesProvider>
  );
}
