import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { formatNumber } from '../../i18n/format';
import type { ImportProgress } from '../../storage/persistence/persistence';

const PHASE_TEXT: Record<ImportProgress['phase'], MessageDescriptor> = {
  reading: msg`Checking`,
  writing: msg`Importing`,
  finishing: msg`Finishing`,
};

/** The import's progress bar; the history is unchanged until the very end. */
export function ImportProgressBar({ progress }: { progress: ImportProgress }) {
  const { phase, done, total } = progress;
  const { i18n, t } = useLingui();
  const phaseText = i18n._(PHASE_TEXT[phase]);
  const doneText = formatNumber(done);
  const totalText = formatNumber(total);
  return (
    <div className="history-import-progress">
      <progress
        aria-label={t`Importing history`}
        max={total || 1}
        // Checking the file is the first half of the bar, writing it the second.
        value={total === 0 ? undefined : (phase === 'reading' ? done : total + done) / 2}
      />
      <span aria-hidden="true">
        {total === 0 ? t`Reading the file…` : t`${phaseText} ${doneText} of ${totalText} jobs…`}
      </span>
    </div>
  );
}
