import { useCallback, useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { readStudioConfig } from '../../api/runtime-config';
import { saveBlob } from '../../components/ui/save-file';
import { keptBytes } from '../../jobs/image-cache/kept-bytes';
import { jobTitle, type Job } from '../../jobs/job';
import { HistoryImportError } from '../../jobs/history-file/history-file';
import type { ImportProgress } from '../../jobs/persistence';
import { describeDropped } from '../../jobs/history-file/history-file';
import { createNamer, exportFileName, imageFileName } from '../../prompt/file-name';
import type { HistoryDeps } from './history-context';
import { HISTORY_IMAGE_KEY } from './use-history-image';

/** A line under the toolbar: progress, a result, or an error (announced assertively). */
export interface HistoryMessage {
  text: string;
  tone: 'info' | 'error';
}

/** How long "Deleted N — Undo" stays offered. */
export const UNDO_MS = 10_000;

const plural = (n: number, word: string) => `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;
const reason = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * The history's bulk operations and what they say: delete (with Undo), download, export, import.
 * `removeJobs` is how jobs are deleted (the runner's `remove`, which also stops running ones).
 */
export function useHistoryActions(
  { store, persistence }: HistoryDeps,
  removeJobs: (ids: string[]) => Promise<void>,
  onRestored?: (jobs: readonly Job[]) => void,
) {
  const queryClient = useQueryClient();
  const [deleted, setDeleted] = useState<Job[] | null>(null);
  const [message, setMessage] = useState<HistoryMessage | null>(null);
  const [busy, setBusy] = useState(false);
  const [importing, setImporting] = useState<ImportProgress | null>(null);

  useEffect(() => {
    if (!deleted) return;
    const timer = setTimeout(() => {
      // The window closed: what the delete kept in memory for Undo can go.
      persistence.forgetDeleted(deleted.map((job) => job.id));
      setDeleted(null);
    }, UNDO_MS);
    return () => clearTimeout(timer);
  }, [deleted, persistence]);

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
          setMessage({ text: `Could not delete: ${reason(err)}`, tone: 'error' });
        }
        // Deleting revoked the cached images' object URLs.
        queryClient.removeQueries({ queryKey: HISTORY_IMAGE_KEY });
      }),
    [run, store, removeJobs, queryClient],
  );

  const undo = useCallback(
    () =>
      run(async () => {
        if (!deleted) return;
        setDeleted(null);
        try {
          const restored = await persistence.restoreDeleted(deleted.map((job) => job.id));
          onRestored?.(restored);
          setMessage({ text: `Restored ${plural(restored.length, 'job')}.`, tone: 'info' });
        } catch (err) {
          setMessage({ text: `Could not undo the delete: ${reason(err)}`, tone: 'error' });
        }
      }),
    [run, deleted, persistence, onRestored],
  );

  const download = useCallback(
    (ids: string[]) =>
      run(async () => {
        const { byId } = store.getState();
        const jobs = ids
          .map((id) => byId[id])
          .filter((job): job is Job =>
            Boolean(job?.result?.raw_image_url ?? job?.result?.image_url),
          );
        const nameFor = createNamer();
        // The page's own config (the studio server's relay), read as the page says it now.
        const { relay } = readStudioConfig();
        let failed = 0;
        const reasons = new Set<string>();
        for (const [i, job] of jobs.entries()) {
          setMessage({ text: `Downloading ${i + 1} of ${jobs.length}…`, tone: 'info' });
          try {
            // The kept copy when there is one; the link, or the relay, otherwise.
            const url = job.result?.raw_image_url ?? job.result?.image_url ?? '';
            const blob = await keptBytes({ persistence, relay }, url);
            saveBlob(blob, nameFor(imageFileName(jobTitle(job), url, blob.type)));
          } catch (e) {
            failed += 1;
            reasons.add((e as Error).message);
          }
        }
        const skipped = ids.length - jobs.length;
        const parts = [`Downloaded ${plural(jobs.length - failed, 'image')}.`];
        if (failed) parts.push(`${failed} could not be saved. ${[...reasons].join(' ')}`);
        if (skipped) parts.push(`${skipped} had no image.`);
        setMessage({ text: parts.join(' '), tone: failed ? 'error' : 'info' });
      }),
    [run, store, persistence],
  );

  const exportAll = useCallback(
    () =>
      run(async () => {
        try {
          const json = await persistence.exportHistory();
          const count = (JSON.parse(json) as { jobs: unknown[] }).jobs.length;
          const name = exportFileName(new Date());
          saveBlob(new Blob([json], { type: 'application/json' }), name);
          setMessage({ text: `Exported ${plural(count, 'job')} to ${name}.`, tone: 'info' });
        } catch (err) {
          setMessage({ text: `Could not export the history: ${reason(err)}`, tone: 'error' });
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
          const dropped = describeDropped(r.dropped);
          const text = `Imported ${file.name}: ${plural(r.total, 'job')} — ${r.added.toLocaleString()} added, ${r.updated.toLocaleString()} updated, ${r.unchanged.toLocaleString()} already here.${dropped ? ` Left out of the requests (Settings decide these): ${dropped}.` : ''}`;
          setMessage({ text, tone: 'info' });
        } catch (err) {
          const why = err instanceof HistoryImportError ? err.message : reason(err);
          setMessage({ text: `Could not import ${file.name}. ${why}`, tone: 'error' });
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
