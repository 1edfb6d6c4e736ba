import { useId, useMemo } from 'react';
import { useStore } from 'zustand';
import { Trans, useLingui } from '@lingui/react/macro';
import { actionName } from '../../jobs/action-names';
import { say } from '../../i18n/say';
import { formatDateTime } from '../../i18n/format';
import { statusWord } from './status-words';
import { jobTitle } from '../../jobs/job';
import { useHistoryDeps } from './history-context';
import { HistoryImage } from './history-image';
import { jobAction } from '../../jobs/job-names';
import { childrenIndex, lineageOf } from './lineage';
import { LineageLink } from './lineage-link';
import { LineageTree } from './lineage-tree';

/** Props of {@link LineagePanel}. */
export interface LineagePanelProps {
  jobId: string;
  onSelect: (id: string) => void;
  onOpenJob: (id: string) => void;
  onClose: () => void;
}

/** The selected job, where it came from and what was made from it, each one clickable. */
export function LineagePanel({ jobId, onSelect, onOpenJob, onClose }: LineagePanelProps) {
  const { store } = useHistoryDeps();
  const headingId = useId();
  const { i18n, t } = useLingui();
  const byId = useStore(store, (s) => s.byId);
  const index = useMemo(() => childrenIndex(byId), [byId]);
  const lineage = useMemo(() => lineageOf(jobId, byId, index), [jobId, byId, index]);
  const job = byId[jobId];
  if (!job) return null;
  const title = jobTitle(job, i18n);

  return (
    <aside className="lineage panel" aria-labelledby={headingId}>
      <div className="lineage-head">
        <h3 id={headingId}>
          <Trans>Lineage</Trans>
        </h3>
        <button
          type="button"
          className="icon-button"
          aria-label={t`Close lineage`}
          onClick={onClose}
        >
          ×
        </button>
      </div>
      <HistoryImage job={job} size={240} />
      <p className="lineage-title">{title}</p>
      <p className="hint">
        {actionName(jobAction(job), i18n)} · {statusWord(job.status, i18n)} ·{' '}
        {formatDateTime(job.createdAt)}
      </p>
      {job.error && (
        <p className="history-error-text">{say(job.error.reason ?? job.error.message, i18n)}</p>
      )}
      <button type="button" className="primary" onClick={() => onOpenJob(jobId)}>
        <Trans>Open in studio</Trans>
      </button>

      <h4>
        <Trans>Made from</Trans>
      </h4>
      {lineage.ancestors.length === 0 && !lineage.parentMissing && (
        <p className="hint">
          <Trans>A fresh prompt.</Trans>
        </p>
      )}
      {lineage.parentMissing && (
        <p className="hint">
          <Trans>An image that is no longer in the history.</Trans>
        </p>
      )}
      {lineage.ancestors.length > 0 && (
        <ol className="lineage-ancestors" aria-label={t`Ancestors`}>
          {lineage.ancestors.map((id) => (
            <li key={id}>
              <LineageLink id={id} onSelect={onSelect} />
            </li>
          ))}
        </ol>
      )}

      <h4>
        <Trans>Made from this</Trans>
      </h4>
      {lineage.descendants.length === 0 ? (
        <p className="hint">
          <Trans>Nothing yet.</Trans>
        </p>
      ) : (
        <div role="group" aria-label={t`Descendants`}>
          <LineageTree nodes={lineage.descendants} onSelect={onSelect} />
        </div>
      )}
    </aside>
  );
}
