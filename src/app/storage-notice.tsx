import type { I18n } from '@lingui/core';
import { Trans, useLingui } from '@lingui/react/macro';
import { useEffect, useState } from 'react';
import { say } from '../i18n/say';
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
  const { i18n } = useLingui();
  const notice = useJobs(selectStorageNotice);
  const { persistence } = useServices();
  const [kept, setKept] = useState<{ at: number; line: (i18n: I18n) => string } | null>(null);
  const short = notice?.kind === 'evicted' || notice?.kind === 'full' ? notice.at : null;
  useEffect(() => {
    if (short === null) return;
    let live = true;
    // The summary's words load with it: a storage notice is rare.
    void Promise.all([persistence.keptSummary(), import('../storage/image-cache/kept-summary')])
      .then(([summary, { stillKeptLine }]) => {
        if (live) setKept({ at: short, line: (i18n) => stillKeptLine(summary, i18n) });
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [short, persistence]);
  if (!notice) return null;
  const text = say(notice.message, i18n);
  return (
    <div className="storage-notice" role="status">
      <span>{text}</span>
      {kept && kept.at === short && <span className="hint">{kept.line(i18n)}</span>}
      <button type="button" className="chip" onClick={onDismiss}>
        <Trans>Dismiss</Trans>
      </button>
    </div>
  );
}
