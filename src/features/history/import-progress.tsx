import type { ImportProgress } from '../../jobs/persistence';

const PHASE_TEXT: Record<ImportProgress['phase'], string> = {
  reading: 'Checking',
  writing: 'Importing',
  finishing: 'Finishing',
};

/** The import's progress bar; the history is unchanged until the very end. */
export function ImportProgressBar({ progress }: { progress: ImportProgress }) {
  const { phase, done, total } = progress;
  return (
    <div className="history-import-progress">
      <progress
        aria-label="Importing history"
        max={total || 1}
        // Checking the file is the first half of the bar, writing it the second.
        value={total === 0 ? undefined : (phase === 'reading' ? done : total + done) / 2}
      />
      <span aria-hidden="true">
        {total === 0
          ? 'Reading the file…'
          : `${PHASE_TEXT[phase]} ${done.toLocaleString()} of ${total.toLocaleString()} jobs…`}
      </span>
    </div>
  );
}
