import { Trans, useLingui } from '@lingui/react/macro';
import { formatNumber } from '../../i18n/format';
import type { HistoryMessage } from './use-history-actions';

/** Props of {@link HistoryNotice}. */
export interface HistoryNoticeProps {
  /** How many jobs the last delete removed, while Undo is still offered. */
  deletedCount: number | null;
  message: HistoryMessage | null;
  onUndo: () => void;
  onDismissUndo: () => void;
}

/**
 * "Deleted N — Undo", and the result of the last download, export or import. Floats over the
 * bottom corner so the gallery never moves when a message comes or goes.
 */
export function HistoryNotice({
  deletedCount,
  message,
  onUndo,
  onDismissUndo,
}: HistoryNoticeProps) {
  const { i18n, t } = useLingui();
  const count = deletedCount === null ? '' : formatNumber(deletedCount);
  return (
    <div className="history-messages">
      <div className="history-notice" role="status">
        {deletedCount !== null && (
          <span className="history-undo">
            <Trans>Deleted {count} —</Trans>{' '}
            <button type="button" className="chip" onClick={onUndo}>
              <Trans>Undo</Trans>
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={t`Dismiss`}
              onClick={onDismissUndo}
            >
              ×
            </button>
          </span>
        )}
        {message?.tone === 'info' && <span>{message.text(i18n)}</span>}
      </div>
      <div className="history-error" role="alert">
        {message?.tone === 'error' && message.text(i18n)}
      </div>
    </div>
  );
}
