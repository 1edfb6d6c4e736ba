import { Trans, useLingui } from '@lingui/react/macro';
import { jobText } from '../jobs/job-text';
import { selectStorageNotice, useJobs } from '../jobs/store';

/** Props of {@link StorageNoticeBar}. */
export interface StorageNoticeBarProps {
  /** Clears the notice (through the runner, the jobs store's only writer). */
  onDismiss: () => void;
}

/** Tells the person when browser storage ran short (old cached images went first) or failed. */
export function StorageNoticeBar({ onDismiss }: StorageNoticeBarProps) {
  const { i18n } = useLingui();
  const notice = useJobs(selectStorageNotice);
  if (!notice) return null;
  // The jobs layer may word its notice as a message or as its own English text (jobText
  // translates the studio's sentences), both translated here.
  const message = notice.message;
  const text = typeof message === 'string' ? jobText(message, i18n) : i18n._(message);
  return (
    <div className="storage-notice" role="status">
      <span>{text}</span>
      <button type="button" className="chip" onClick={onDismiss}>
        <Trans>Dismiss</Trans>
      </button>
    </div>
  );
}
