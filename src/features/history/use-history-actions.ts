import { useCallback, useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { saveBlob } from '../../components/ui/save-file';
import type { Job } from '../../jobs/job';
import type { ImportProgress } from '../../storage/persistence/persistence';
import { exportFileName } from '../../prompt/file-name';
import { downloadPictures, jobsWithPictures, pictureOf, type FilesOf } from './download-pictures';
import type { HistoryDeps } from './history-context';
import * as say from './history-messages';
import { HISTORY_IMAGE_KEY } from './use-history-image';

/** A line under the toolbar: progress, a result, or an error (announced assertively). */
export interface HistoryMessage {
  /** The words, in the language it renders in. */
  text: say.Say;
  tone: 'info' | 'error';
}

/** How long "Deleted N — Undo" stays offered. */
export const UNDO_MS = 10_000;

/**
 * The jobs of the last delete while Undo is offered; when the window closes, what the delete kept
 * in memory for Undo goes.
 */
function useUndoWindow(persistence: HistoryDeps['persistence']) {
  const [deleted, setDeleted] = useState<Job[] | null>(null);
  useEffect(() => {
    if (!deleted) return;
    const timer = setTimeout(() => {
      // The window closed: what the delete kept in memory for Undo can go.
      persistence.forgetDeleted(deleted.map((job) => job.id));
      setDeleted(null);
    }, UNDO_MS);
    return () => clearTimeout(timer);
  }, [deleted, persistence]);
  return [deleted, setDeleted] as const;
}

/**
 * The history's bulk operations and what they say: delete (with Undo), download, export, import.
 * `removeJobs` is how jobs are deleted (the runner's `remove`, which also stops running ones).
 */
export function useHistoryActions(
  { store, persistence }: HistoryDeps,
  removeJobs: (ids: string[]) => Promise<void>,
  onRestored?: (jobs: readonly Job[]) => void,
  filesOf: FilesOf = pictureOf,
) {
  const queryClient = useQueryClient();
  const [deleted, setDeleted] = useUndoWindow(persistence);
  const [message, setMessage] = useState<HistoryMessage | null>(null);
  const [busy, setBusy] = useState(false);
  const [importing, setImporting] = useState<ImportProgress | null>(null);

  const run = useCallback(async (task: () => Promise<void>) => {
    setBusy(true);
    try {
      await task();
    } finally {
      setBusy(false);
    }
  }, []);

  const remove = useCallback(
    (ids: string[]) =>
      run(async () => {
        const { byId } = store.getState();
        const jobs = ids.map((id) => byId[id]).filter((job): job is Job => job !== undefined);
        if (jobs.length === 0) return;
        setMessage(null);
        try {
          await removeJobs(jobs.map((job) => job.id));
          setDeleted(jobs);
        } catch (err) {
          setMessage({ text: say.couldNotDelete(err), tone: 'error' });
        }
        // Deleting revoked the cached images' object URLs.
        queryClient.removeQueries({ queryKey: HISTORY_IMAGE_KEY });
      }),
    [run, store, removeJobs, queryClient, setDeleted],
  );

  const undo = useCallback(
    () =>
      run(async () => {
        if (!deleted) return;
        setDeleted(null);
        try {
          const restored = await persistence.restoreDeleted(deleted.map((job) => job.id));
          onRestored?.(restored);
          setMessage({ text: say.restored(restored.length), tone: 'info' });
        } catch (err) {
          setMessage({ text: say.couldNotUndo(err), tone: 'error' });
        }
      }),
    [run, deleted, setDeleted, persistence, onRestored],
  );

  const download = useCallback(
    (ids: string[]) =>
      run(async () => {
        const jobs = jobsWithPictures(ids, store.getState().byId, filesOf);
        const got = await downloadPictures(
          jobs,
          persistence,
          (i, n) => setMessage({ text: say.downloading(i, n), tone: 'info' }),
          filesOf,
        );
        const skipped = ids.length - jobs.length;
        const text = say.downloaded(got.images, got.failed, got.reasons, skipped, got.clips);
        setMessage({ text, tone: got.failed ? 'error' : 'info' });
      }),
    [run, store, persistence, filesOf],
  );

  const exportAll = useCallback(
    () =>
      run(async () => {
        try {
          const json = await persistence.exportHistory();
          const count = (JSON.parse(json) as { jobs: unknown[] }).jobs.length;
          const name = exportFileName(new Date());
          saveBlob(new Blob([json], { type: 'application/json' }), name);
          setMessage({ text: say.exported(count, name), tone: 'info' });
        } catch (err) {
          setMessage({ text: say.couldNotExport(err), tone: 'error' });
        }
      }),
    [run, persistence],
  );

  const importFile = useCallback(
    (file: File) =>
      run(async () => {
        setMessage(null);
        setImporting({ phase: 'reading', done: 0, total: 0 });
        try {
          const r = await persistence.importHistory(file, { onProgress: setImporting });
          const text = say.imported(file.name, r);
          setMessage({ text, tone: 'info' });
        } catch (err) {
          setMessage({ text: say.couldNotImport(file.name, err), tone: 'error' });
        } finally {
          setImporting(null);
        }
      }),
    [run, persistence],
  );

  return {
    deleted,
    message,
    busy,
    importing,
    remove,
    undo,
    download,
    exportAll,
    importFile,
    dismissUndo: () => setDeleted(null),
  };
}
