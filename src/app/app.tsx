import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Composer } from '../features/composer/composer';
import { draftStore } from '../features/composer/draft-store';
import { addReference } from '../prompt/reference-urls';
import { Feed } from '../features/feed/feed';
import { revealJob } from '../features/feed/feed-window';
import { FeedActionsContext, type FeedActions } from '../features/feed/feed-actions';
import { SettingsDialog } from '../features/settings/settings-dialog';
import { VaryRegionDialog } from '../features/mask-editor/vary-region-launcher';
import { isJobActive, jobTitle, type Job } from '../jobs/job';
import { configStore } from '../jobs/config-store';
import { ErrorBoundary } from './error-boundary';
import { Header, type View } from './header';
import { getRunner, useRunner } from './use-runner';
import { Toasts, toast } from './toasts';
import { StorageNoticeBar } from './storage-notice';

const HistoryView = lazy(() =>
  import('../features/history/history-view').then((m) => ({ default: m.HistoryView })),
);

const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false } },
});

/** The whole studio: composer and feed, history, settings and the region editor. */
export function App() {
  const runner = useRunner();
  const [view, setView] = useState<View>('studio');
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [regionJob, setRegionJob] = useState<Job | null>(null);

  useEffect(() => {
    document.title = view === 'history' ? 'History — Imagine Studio' : 'Imagine Studio';
  }, [view]);

  const actions = useMemo<FeedActions>(
    () => ({
      act: (job, action) => {
        const imageId = job.result?.image_id;
        if (!imageId) return;
        runner.submit(
          { action, image_id: imageId },
          {
            parent: {
              jobId: job.id,
              imageId,
              action,
              label: jobTitle(job),
            },
          },
        );
      },
      varyRegion: (job) => setRegionJob(job),
      cancel: (id) => runner.cancel(id),
      retry: (id) => runner.retry(id),
      checkAgain: (id) => runner.checkAgain(id),
      referenceImage: (url) => {
        const result = addReference(draftStore.getState().prompt, url);
        if ('error' in result) toast(result.error);
        else {
          draftStore.setState({ prompt: result.prompt });
          toast('Added to the prompt as an image reference.');
        }
      },
      openSettings: () => setSettingsOpen(true),
      cachedImage: (job) => getRunner().persistence.imageUrlFor(job),
    }),
    [runner],
  );

  return (
    <QueryClientProvider client={queryClient}>
      <FeedActionsContext.Provider value={actions}>
        <Header view={view} onView={setView} onSettings={() => setSettingsOpen(true)} />
        <StorageNoticeBar />
        <main>
          {view === 'studio' ? (
            <div className="studio">
              <ErrorBoundary label="composer">
                <Composer onSubmit={(request) => runner.submit(request)} />
              </ErrorBoundary>
              <ErrorBoundary label="feed">
                <Feed />
              </ErrorBoundary>
            </div>
          ) : (
            <ErrorBoundary label="history">
              <Suspense fallback={<p className="hint">Loading history…</p>}>
                <HistoryView
                  persistence={getRunner().persistence}
                  removeJobs={(ids) => runner.remove(ids)}
                  // An undone delete of an unfinished job: it is looked up again, never resent.
                  onRestored={(jobs) =>
                    jobs.forEach((job) => isJobActive(job) && runner.checkAgain(job.id))
                  }
                  onOpenJob={(id) => {
                    setView('studio');
                    revealJob(id);
                  }}
                />
              </Suspense>
            </ErrorBoundary>
          )}
        </main>
        {settingsOpen && <SettingsDialog onClose={() => setSettingsOpen(false)} />}
        {regionJob?.result?.image_id && (
          <VaryRegionDialog
            imageId={regionJob.result.image_id}
            imageUrl={regionJob.result.raw_image_url ?? regionJob.result.image_url ?? ''}
            width={regionJob.result.raw_image_width ?? 0}
            height={regionJob.result.raw_image_height ?? 0}
            prompt={regionJob.request.prompt || regionJob.parent?.label || ''}
            maskFormat={configStore.getState().settings.maskFormat}
            onClose={() => setRegionJob(null)}
            onSubmit={({ mask, prompt }) => {
              const job = regionJob;
              const imageId = job.result?.image_id ?? '';
              runner.submit(
                { action: 'variation_region', image_id: imageId, mask, prompt },
                {
                  parent: {
                    jobId: job.id,
                    imageId,
                    action: 'variation_region',
                    label: prompt || job.parent?.label,
                  },
                },
              );
              setRegionJob(null);
            }}
          />
        )}
        <Toasts />
      </FeedActionsContext.Provider>
    </QueryClientProvider>
  );
}
