import { Trans, useLingui } from '@lingui/react/macro';
import { useQuery } from '@tanstack/react-query';
import { useStore } from 'zustand';
import { keptSummaryDetails, keptSummaryLine } from '../../storage/image-cache/kept-summary';
import { keptSummaryQuery } from '../../storage/kept-summary-query';
import { useHistoryDeps } from './history-context';

/**
 * "Kept copies: 24 pictures (18.2 MB) · 6 in offline cache · 4 clips (9.1 MB)", with the details
 * (how each kind was kept, what cannot be weighed, the browser's total) one click away.
 */
export function KeptCopies() {
  const { store, persistence } = useHistoryDeps();
  const { i18n } = useLingui();
  const revision = useStore(store, (s) => `${s.order.length}:${s.storageNotice?.at ?? 0}`);
  const { data, isError } = useQuery(keptSummaryQuery(persistence, revision));
  if (isError)
    return (
      <p className="hint kept-copies">
        <Trans>Kept copies: could not be counted.</Trans>
      </p>
    );
  if (!data) return null;
  const details = keptSummaryDetails(data, i18n);
  return (
    <details className="kept-copies">
      <summary>{keptSummaryLine(data, i18n)}</summary>
      <ul>
        {details.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </details>
  );
}
