import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { formatNumber } from '../../i18n/format';
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
  const { t } = useLingui();
  const [shownText = '', totalText = '', selectedText = ''] = [shown, total, selected].map((n) =>
    formatNumber(n),
  );
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
        <Trans>Select all shown</Trans>
      </label>
      <p className="history-count" aria-live="polite">
        {shown === total
          ? t`${plural(total, { one: '# job', other: '# jobs' })}`
          : t`${shownText} of ${totalText} jobs`}
        {selected > 0 && t` · ${selectedText} selected`}
      </p>
      <div className="history-bulk">
        <button type="button" disabled={busy || selected === 0} onClick={actions.onDelete}>
          <Trans>Delete selected</Trans>
        </button>
        <button type="button" disabled={busy || selected === 0} onClick={actions.onDownload}>
          <Trans>Download selected</Trans>
        </button>
        <button type="button" disabled={busy} onClick={actions.onExport}>
          <Trans>Export history</Trans>
        </button>
        <button type="button" disabled={busy} onClick={() => fileRef.current?.click()}>
          <Trans>Import history</Trans>
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
