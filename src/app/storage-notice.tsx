import { jobsActions, selectStorageNotice, useJobs } from '../jobs/store';

/** Tells the person when browser storage ran short (old cached images went first) or failed. */
export function StorageNoticeBar() {
  const notice = useJobs(selectStorageNotice);
  if (!notice) return null;
  return (
    <div className="storage-notice" role="status">
      <span>{notice.message}</span>
      <button type="button" className="chip" onClick={() => jobsActions.setStorageNotice(null)}>
        Dismiss
      </button>
    </div>
  );
}
