import { useEffect, useState } from 'react';
import { selectStorageNotice, useJobs } from '../jobs/store';
import { useServices } from './services-context';

/** Props of {@link StorageNoticeBar}. */
export interface StorageNoticeBarProps {
  /** Clears the notice (through the runner, the jobs store's only writer). */
  onDismiss: () => void;
}

/**
 * Tells the person when browser storage ran short (which kinds of kept copies were removed) or
 * failed, and, then, what is still kept, every kind counted.
 */
export function StorageNoticeBar({ onDismiss }: StorageNoticeBarProps) {
  const notice = useJobs(selectStorageNotice);
  const { persistence } = useServices();
  const [kept, setKept] = useState<{ at: number; line: string } | null>(null);
  const short = notice?.kind === 'evicted' || notice?.kind === 'full' ? notice.at : null;
  useEffect(() => {
    if (short === null) return;
    let live = true;
    // The summary's words load with it: a storage notice is rare.
    void Promise.all([persistence.keptSummary(), import('../jobs/image-cache/kept-summary')])
      .then(([summary, { keptSummaryLine }]) => {
        const line = keptSummaryLine(summary).replace(/^Kept copies:/, 'Still kept:');
        if (live) setKept({ at: short, line });
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [short, persistence]);
  if (!notice) return null;
  return (
    <div className="storage-notice" role="status">
      <span>{notice.message}</span>
      {kept && kept.at === short && <span className="hint">{kept.line}</span>}
      <button type="button" className="chip" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
