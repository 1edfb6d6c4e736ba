import { useEffect, useMemo, useState } from 'react';
import { msg } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { Composer } from '../features/composer/composer';
import { DraftContext } from '../features/composer/draft-store';
import { Feed } from '../features/feed/feed';
import { FeedActionsContext } from '../kinds/shared/card-actions';
import { FeedWindowContext } from '../features/feed/feed-window';
import type { ToolDialog } from '../kinds/shared/tool-services';
import { ToolsContext } from '../kinds/shared/tools-context';
import type { Job } from '../jobs/job';
import { useConfig } from '../settings/config-store';
import type { AnimateSource } from './animate-dialog';
import { PartBoundary } from '../components/ui/part-boundary';
import { lazyPart } from '../lazy/lazy-part';
import { createFeedActions } from './feed-actions';
import { Header, type View } from './header';
import { HistorySection } from './history-section';
import { LazyAnimateDialog } from './lazy-animate-dialog';
import { RegionDialog } from './region-dialog';
import type { Services } from './services';
import { ServicesProvider, WithQueries } from './services-context';
import { StorageNoticeBar } from './storage-notice';
import { Toasts } from './toasts';
import { createToolServices } from './tool-services';

// Settings loads on first use: it is not needed to write a prompt and watch it form.
// The edit dialog (and the mask editor behind it) loads when an edit is first asked for.
const EditDialog = lazyPart(() => import('./edit-dialog').then((m) => m.EditDialog));
const SettingsDialog = lazyPart(() =>
  import('../features/settings/settings-dialog').then((m) => m.SettingsDialog),
);

/** Props of {@link App}. */
export interface AppProps {
  /** The tab's services (`createServices()`); tests pass their own. */
  services: Services;
}

/** The whole studio: composer and feed, history, settings and the region editor. */
export function App({ services }: AppProps) {
  const { t } = useLingui();
  const { runner, feedWindow } = services;
  const [view, setView] = useState<View>('studio');
  const mode = useConfig(services.config, (s) => s.settings.mode);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [regionJob, setRegionJob] = useState<Job | null>(null);
  const [dialog, setDialog] = useState<ToolDialog | null>(null);
  const [animateFrom, setAnimateFrom] = useState<AnimateSource | null>(null);
  const tools = useMemo(
    () => ({ entries: services.kinds, services: createToolServices(services, setDialog) }),
    [services],
  );

  useEffect(() => {
    void services.start();
  }, [services]);

  const title = view === 'history' ? t`History — Imagine Studio` : 'Imagine Studio';
  useEffect(() => {
    document.title = title;
  }, [title]);

  const actions = useMemo(
    () =>
      createFeedActions(services, {
        varyRegion: setRegionJob,
        animate: (job) => setAnimateFrom({ job }),
        openSettings: () => setSettingsOpen(true),
        focusPrompt: () => {
          setView('studio');
          requestAnimationFrame(() => {
            const box = document.querySelector<HTMLTextAreaElement>('.composer textarea');
            box?.scrollIntoView({ block: 'nearest' });
            box?.focus();
          });
        },
      }),
    [services],
  );

  return (
    <ServicesProvider services={services}>
      <DraftContext.Provider value={services.draft}>
        <FeedWindowContext.Provider value={feedWindow}>
          <FeedActionsContext.Provider value={actions}>
            <ToolsContext.Provider value={tools}>
              <Header view={view} onView={setView} onSettings={() => setSettingsOpen(true)} />
              <StorageNoticeBar onDismiss={() => runner.sink.notice(null)} />
              <main>
                {view === 'studio' ? (
                  <div className="studio">
                    <PartBoundary name={msg`the composer`}>
                      <Composer
                        onSubmit={(request, batch) => runner.submit(request, { batch })}
                        mode={mode}
                        onAnimate={(url) => setAnimateFrom({ url })}
                      />
                    </PartBoundary>
                    <PartBoundary name={msg`the feed`}>
                      <Feed />
                    </PartBoundary>
                  </div>
                ) : (
                  <HistorySection
                    services={services}
                    onOpenJob={(id) => {
                      setView('studio');
                      feedWindow.reveal(id);
                    }}
                  />
                )}
              </main>
              {settingsOpen && (
                // The query client's code is Settings' too: its failure is said here as well.
                <PartBoundary name={msg`Settings`} onClose={() => setSettingsOpen(false)}>
                  <WithQueries>
                    <SettingsDialog
                      config={services.config}
                      onClose={() => setSettingsOpen(false)}
                    />
                  </WithQueries>
                </PartBoundary>
              )}
              {regionJob && <RegionDialog job={regionJob} onClose={() => setRegionJob(null)} />}
              {dialog?.type === 'mask-edit' && (
                <PartBoundary name={msg`Edit image`} onClose={() => setDialog(null)}>
                  <EditDialog target={dialog} onClose={() => setDialog(null)} />
                </PartBoundary>
              )}
              {animateFrom && (
                <LazyAnimateDialog source={animateFrom} onClose={() => setAnimateFrom(null)} />
              )}
              <Toasts />
            </ToolsContext.Provider>
          </FeedActionsContext.Provider>
        </FeedWindowContext.Provider>
      </DraftContext.Provider>
    </ServicesProvider>
  );
}
