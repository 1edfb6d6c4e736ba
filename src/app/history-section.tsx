import { useCallback } from 'react';
import { msg } from '@lingui/core/macro';
import { filesToSave } from '../jobs/kind';
import { Trans } from '@lingui/react/macro';
import { PartBoundary } from '../components/ui/part-boundary';
import { isJobActive } from '../jobs/job';
import { lazyPart } from '../lazy/lazy-part';
import type { Services } from './services';
import { WithQueries } from './services-context';

// History loads on first use: it is not needed to write a prompt and watch it form.
const HistoryView = lazyPart(() =>
  import('../features/history/history-view').then((m) => m.HistoryView),
);

/** Props of {@link HistorySection}. */
export interface HistorySectionProps {
  services: Services;
  /** Show a job's card in the studio. */
  onOpenJob: (id: string) => void;
}

/** The History view, loaded on first use, wired to the runner and persistence. */
export function HistorySection({ services, onOpenJob }: HistorySectionProps) {
  const { runner, persistence } = services;
  const keepMissingCopies = useCallback(() => void runner.keepMissingCopies(), [runner]);
  return (
    // History's code and the query client's are said together: "Couldn't load the history."
    <PartBoundary
      name={msg`the history`}
      fallback={
        <p className="hint">
          <Trans>Loading history…</Trans>
        </p>
      }
    >
      <WithQueries>
        <HistoryView
          store={services.jobs}
          persistence={persistence}
          removeJobs={(ids) => runner.remove(ids)}
          // An undone delete of an unfinished job: it is looked up again, never resent.
          onRestored={(jobs) =>
            jobs.forEach((job) => isJobActive(job) && runner.checkAgain(job.id))
          }
          onOpenJob={onOpenJob}
          keepMissingCopies={keepMissingCopies}
          filesOf={(job) => filesToSave(services.jobKinds, job)}
        />
      </WithQueries>
    </PartBoundary>
  );
}
