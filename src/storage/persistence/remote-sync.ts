/**
 * Other tabs' changes, as this tab learns them over the tab channel: re-read and sent to the
 * sink, with the live previews of jobs other tabs run (never stored) kept across a re-read. Jobs
 * this tab runs itself (`isLocal`) are its own to report, so their echoes are ignored.
 */
import type { JobsSink } from '../../jobs/jobs-sink';
import { isJobActive, type Job, type JobPreview, type StoredJob } from '../../jobs/job';
import type { RemoteChange } from '../../jobs/runner/ports';
import type { JobRepository } from '../repository/job-repository';
import { openTabChannel, type TabChannel } from '../tab-sync/channel';

/** What the rest of persistence uses of the tab sync. */
export interface RemoteSync {
  /** Tells other tabs about this tab's changes. */
  readonly channel: TabChannel;
  /** True for a job this tab runs. */
  isLocal(id: string): boolean;
  setLocalOwner(isLocal: (id: string) => boolean): void;
  onRemoteChange(listener: (change: RemoteChange) => void): () => void;
  /** Stored job → live job, keeping the preview of a job another tab is running. */
  withLivePreview(job: StoredJob): Job;
  /** For a sink's merge: the in-memory copy of a job this tab runs wins. */
  keepLocal(existing: Job): boolean;
  close(): void;
}

/** The tab sync of database `dbName`, reporting to `sink`. */
export function createRemoteSync(
  dbName: string,
  repository: JobRepository,
  sink: JobsSink,
  channelName?: string,
): RemoteSync {
  let isLocal: (id: string) => boolean = () => false;
  const listeners = new Set<(change: RemoteChange) => void>();
  const livePreviews = new Map<string, JobPreview>();

  const emit = (change: RemoteChange) => {
    for (const listener of listeners) listener(change);
  };

  function withLivePreview(job: StoredJob): Job {
    const preview = livePreviews.get(job.id);
    if (!isJobActive(job)) livePreviews.delete(job.id);
    return preview && isJobActive(job) ? { ...job, preview } : job;
  }

  const channel = openTabChannel(
    dbName,
    {
      changed(ids) {
        const foreign = ids.filter((id) => !isLocal(id));
        if (foreign.length === 0) return;
        // A failed re-read leaves the old copy on screen; the next change or reload fixes it.
        repository
          .getMany(foreign)
          .then((records) => {
            const jobs = records.filter((j) => !isLocal(j.id)).map(withLivePreview);
            sink.merge(jobs);
            for (const job of jobs) emit({ id: job.id, job });
          })
          .catch(() => {});
      },
      deleted(ids) {
        const foreign = ids.filter((id) => !isLocal(id));
        for (const id of foreign) livePreviews.delete(id);
        sink.remove(foreign);
        for (const id of foreign) emit({ id, job: null });
      },
      progress(id, progress, preview) {
        if (isLocal(id)) return;
        if (preview) livePreviews.set(id, preview);
        sink.patch(id, { progress, ...(preview ? { preview } : {}) });
      },
    },
    channelName,
  );

  return {
    channel,
    isLocal: (id) => isLocal(id),
    setLocalOwner(fn) {
      isLocal = fn;
    },
    onRemoteChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    withLivePreview,
    keepLocal: (existing) => isLocal(existing.id),
    close() {
      channel.close();
      listeners.clear();
    },
  };
}
