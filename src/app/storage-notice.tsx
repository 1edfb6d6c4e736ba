import { selectStorageNotice, useJobs } from '../jobs/store';

/** Props of {@link StorageNoticeBar}. */
export interface StorageNoticeBarProps {
  /** Clears the notice (through the runner, the jobs store's only writer). */
  onDismiss: () => void;
}

/** Tells the person when browser storage ran short (old cached images went first) or failed. */
export function StorageNoticeBar({ onDismiss }: StorageNoticeBarProps) {
  const notice = useJobs(selectStorageNotice);
  if (!notice) return null;
  return (
    <div className="storage-notice" role="status">
      <span>{notice.message}</span>
      <button type="button" className="chip" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
