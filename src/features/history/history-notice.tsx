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
  return (
    <div className="history-messages">
      <div className="history-notice" role="status">
        {deletedCount !== null && (
          <span className="history-undo">
            Deleted {deletedCount.toLocaleString()} —{' '}
            <button type="button" className="chip" onClick={onUndo}>
              Undo
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label="Dismiss"
              onClick={onDismissUndo}
            >
              ×
            </button>
          </span>
        )}
        {message?.tone === 'info' && <span>{message.text}</span>}
      </div>
      <div className="history-error" role="alert">
        {message?.tone === 'error' && message.text}
      </div>
    </div>
  );
}
