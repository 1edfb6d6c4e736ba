import { Trans } from '@lingui/react/macro';

/** What History says when it shows no job: none yet, or none matching the filters. */
export function HistoryEmpty({ anyJobs }: { anyJobs: boolean }) {
  return (
    <p className="empty-state">
      {anyJobs ? (
        <Trans>Nothing matches these filters.</Trans>
      ) : (
        <Trans>No history yet: imagine something first.</Trans>
      )}
    </p>
  );
}
