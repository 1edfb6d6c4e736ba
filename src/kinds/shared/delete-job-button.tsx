import { useLingui } from '@lingui/react/macro';
import { useFeedActions } from './card-actions';

/** Props of {@link DeleteJobButton}. */
export interface DeleteJobButtonProps {
  jobId: string;
}

/** The × every card's head ends with: deletes the job from the feed and History, with Undo. */
export function DeleteJobButton({ jobId }: DeleteJobButtonProps) {
  const { dismiss } = useFeedActions();
  const { t } = useLingui();
  return (
    <button
      type="button"
      className="icon-button dismiss"
      aria-label={t({ message: 'Delete', context: 'delete a job from the feed' })}
      title={t`Delete this job (Undo is offered)`}
      onClick={() => dismiss(jobId)}
    >
      ×
    </button>
  );
}
