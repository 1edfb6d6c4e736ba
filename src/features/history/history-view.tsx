import { Trans } from '@lingui/react/macro';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { Rect } from '@tanstack/react-virtual';
import type { Job } from '../../jobs/job';
import type { Persistence } from '../../storage/persistence/persistence';
import { jobsStore, type JobsStore } from '../../jobs/store';
import { CostDaysLine } from './cost-days-line';
import { HistoryContext } from './history-context';
import { HistoryEmpty } from './history-empty';
import { EMPTY_FILTER, filterJobs, type HistoryFilter } from './history-filter';
import { HistoryFilters } from './history-filters';
import { HistoryGallery } from './history-gallery';
import { HistoryNotice } from './history-notice';
import { HistoryToolbar } from './history-toolbar';
import { ImportProgressBar } from './import-progress';
import { KeptCopies } from './kept-copies';
import { LineagePanel } from './lineage-panel';
import { useHistoryActions } from './use-history-actions';
import type { FilesOf } from './download-pictures';
import { useSelection } from './use-selection';
import './history.css';

/** Props of {@link HistoryView}. */
export interface HistoryViewProps {
  /** Show a job in the studio (the app switches view and scrolls to `#job-<id>`). */
  onOpenJob: (jobId: string) => void;
  /** Default: the app's jobs store. */
  store?: JobsStore;
  /** The tab's history storage (the one the runner uses). */
  persistence: Persistence;
  /** Deletes jobs; pass the runner's `remove` so running ones stop. Default: `persistence.deleteJobs`. */
  removeJobs?: (ids: string[]) => Promise<void>;
  /** Jobs an Undo put back, as they were (the app resumes the unfinished ones). */
  onRestored?: (jobs: readonly Job[]) => void;
  /** Keeps every missing copy whose link lives (the runner's); asked each time History opens. */
  keepMissingCopies?: () => void;
  /** What Download saves of a job (the app asks its kind: clips for Animate). Default: its picture. */
  filesOf?: FilesOf;
  /** The gallery's size before layout measures it (and in jsdom, which has none). */
  initialRect?: Rect;
}

const DEFAULT_RECT: Rect = { width: 960, height: 720 };

/** The history: search and filters, a virtualised gallery, bulk actions, and a job's lineage. */
export function HistoryView({ onOpenJob, store = jobsStore, ...options }: HistoryViewProps) {
  const { persistence, keepMissingCopies } = options;
  const deps = useMemo(() => ({ store, persistence }), [store, persistence]);
  const actions = useHistoryActions(
    deps,
    options.removeJobs ?? persistence.deleteJobs,
    options.onRestored,
    options.filesOf,
  );
  // All jobs (a start reads the newest only); opening History keeps copies still missing too.
  useEffect(() => {
    void persistence.loadAll().catch(() => {});
    keepMissingCopies?.();
  }, [persistence, keepMissingCopies]);
  const order = useStore(store, (s) => s.order);
  const byId = useStore(store, (s) => s.byId);
  const [filter, setFilter] = useState<HistoryFilter>(EMPTY_FILTER);
  const [activeId, setActiveId] = useState<string | null>(null);

  // Typing stays responsive: the 10,000-job pass runs at a lower priority than the keystroke.
  const deferred = useDeferredValue(filter);
  const shown = useMemo(() => filterJobs(order, byId, deferred), [order, byId, deferred]);
  const { selected, toggle, selectAll, drop } = useSelection(shown);
  const selectedShown = useMemo(() => shown.filter((id) => selected.has(id)), [shown, selected]);

  const toolbarActions = {
    onSelectAll: selectAll,
    onDelete: () => {
      const ids = selectedShown;
      drop(ids);
      if (activeId && ids.includes(activeId)) setActiveId(null);
      void actions.remove(ids);
    },
    onDownload: () => void actions.download(selectedShown),
    onExport: () => void actions.exportAll(),
    onImport: (file: File) => void actions.importFile(file),
  };

  return (
    <HistoryContext.Provider value={deps}>
      <section className="history" aria-labelledby="history-heading">
        <h2 id="history-heading">
          <Trans>History</Trans>
        </h2>
        <HistoryFilters filter={filter} onChange={setFilter} />
        <HistoryToolbar
          shown={shown.length}
          total={order.length}
          selected={selectedShown.length}
          busy={actions.busy}
          actions={toolbarActions}
        />
        <CostDaysLine ids={shown} byId={byId} />
        <KeptCopies />
        {actions.importing && <ImportProgressBar progress={actions.importing} />}
        <HistoryNotice
          deletedCount={actions.deleted?.length ?? null}
          message={actions.message}
          onUndo={() => void actions.undo()}
          onDismissUndo={actions.dismissUndo}
        />
        <div className="history-body" data-lineage={activeId ? 'open' : undefined}>
          {shown.length === 0 ? (
            <HistoryEmpty anyJobs={order.length > 0} />
          ) : (
            <HistoryGallery
              key={JSON.stringify(deferred)}
              ids={shown}
              selected={selected}
              activeId={activeId}
              onToggle={toggle}
              onOpen={setActiveId}
              initialRect={options.initialRect ?? DEFAULT_RECT}
            />
          )}
          {activeId && byId[activeId] && (
            <LineagePanel
              jobId={activeId}
              onSelect={setActiveId}
              onOpenJob={onOpenJob}
              onClose={() => setActiveId(null)}
            />
          )}
        </div>
      </section>
    </HistoryContext.Provider>
  );
}
