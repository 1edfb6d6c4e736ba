import { i18n as activeI18n, type I18n } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import type { Job, JobCheck } from '../../jobs/job';
import { formatTime } from '../../i18n/format';
import { say } from '../../i18n/say';
import { useFeedActions } from '../../kinds/shared/card-actions';

/** Props of {@link JobControls}. */
export interface JobControlsProps {
  job: Job;
}

/** What a "Check again" found, in words, with the time it asked (the active language by default). */
export function checkReport(check: JobCheck, i18n: I18n = activeI18n): string {
  const at = formatTime(check.at);
  switch (check.found) {
    case 'nothing':
      return i18n._(msg`Still no news from the service at ${at}.`);
    case 'progress':
      return i18n._(msg`The service reported progress at ${at}.`);
    case 'unknown':
      return i18n._(msg`The service had no record of this task at ${at}.`);
    case 'unreachable': {
      const why = check.message ? say(check.message, i18n) : '';
      return why
        ? i18n._(msg`Could not reach the service at ${at}: ${why}`)
        : i18n._(msg`Could not reach the service at ${at}.`);
    }
  }
}

/** The controls of a job that is not done: Cancel while it may still run, Check again, Retry. */
export function JobControls({ job }: JobControlsProps) {
  const { cancel, retry, checkAgain } = useFeedActions();
  const { i18n } = useLingui();
  const cancelButton = (
    <button type="button" className="ghost" onClick={() => cancel(job.id)}>
      <Trans>Cancel</Trans>
    </button>
  );
  if (job.status === 'stalled') {
    return (
      <div className="row" role="status">
        <span className="hint">
          <Trans>No news for a while — the job may still be running.</Trans>
        </span>
        {job.checked && <span className="hint check-report">{checkReport(job.checked, i18n)}</span>}
        <button type="button" onClick={() => checkAgain(job.id)}>
          <Trans>Check again</Trans>
        </button>
        <button type="button" onClick={() => retry(job.id)}>
          <Trans>Retry</Trans>
        </button>
        {cancelButton}
      </div>
    );
  }
  if (job.status === 'queued' || job.status === 'running') {
    return <div className="row">{cancelButton}</div>;
  }
  if (job.status === 'cancelled') {
    return (
      <div className="row">
        <button type="button" onClick={() => retry(job.id)}>
          <Trans>Retry</Trans>
        </button>
      </div>
    );
  }
  return null;
}
