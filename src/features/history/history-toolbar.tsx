import { useEffect, useRef } from 'react';

/** What the toolbar's controls do. */
export interface HistoryToolbarActions {
  onSelectAll: (select: boolean) => void;
  onDelete: () => void;
  onDownload: () => void;
  onExport: () => void;
  onImport: (file: File) => void;
}

/** Props of {@link HistoryToolbar}. */
export interface HistoryToolbarProps {
  shown: number;
  total: number;
  /** Selected jobs among those shown (actions apply to these only). */
  selected: number;
  busy: boolean;
  actions: HistoryToolbarActions;
}

/** Counts, "Select all shown", and the bulk actions: delete, download, export, import. */
export function HistoryToolbar({ shown, total, selected, busy, actions }: HistoryToolbarProps) {
  const allRef = useRef<HTMLInputElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const all = shown > 0 && selected === shown;

  useEffect(() => {
    if (allRef.current) allRef.current.indeterminate = selected > 0 && !all;
  }, [selected, all]);

  return (
    <div className="history-toolbar">
      <label className="check">
        <input
          ref={allRef}
          type="checkbox"
          checked={all}
          disabled={shown === 0}
          onChange={() => actions.onSelectAll(!all)}
        />
        Select all shown
      </label>
      <p className="history-count" aria-live="polite">
        {shown === total
          ? `${total.toLocaleString()} jobs`
          : `${shown.toLocaleString()} of ${total.toLocaleString()} jobs`}
        {selected > 0 && ` · ${selected.toLocaleString()} selected`}
      </p>
      <div className="history-bulk">
        <button type="button" disabled={busy || selected === 0} onClick={actions.onDelete}>
          Delete selected
        </button>
        <button type="button" disabled={busy || selected === 0} onClick={actions.onDownload}>
          Download selected
        </button>
        <button type="button" disabled={busy} onClick={actions.onExport}>
          Export history
        </button>
        <button type="button" disabled={busy} onClick={() => fileRef.current?.click()}>
          Import history
        </button>
        <input
          ref={fileRef}
          type="file"
          accept="application/json,.json"
          hidden
          data-testid="history-import-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            // Cleared so choosing the same file again still fires a change.
            e.target.value = '';
            if (file) actions.onImport(file);
          }}
        />
      </div>
    </div>
  );
}
