import { useEffect, useRef } from 'react';
import { Trans, useLingui } from '@lingui/react/macro';
import { ModalDialog } from '../../components/ui/modal-dialog';
import { CostFigure } from '../../components/ui/cost-figure';
import type { BatchPlan } from './batch-plan';

/** Props of {@link BatchConfirm}. */
export interface BatchConfirmProps {
  plan: BatchPlan;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * "Send N jobs?" before a large batch is spent. The send button has the focus, Escape or Cancel
 * goes back to the prompt with nothing sent.
 */
export function BatchConfirm({ plan, onConfirm, onCancel }: BatchConfirmProps) {
  const { t } = useLingui();
  const count = plan.jobs.length;
  const sendRef = useRef<HTMLButtonElement>(null);
  // After the dialog has opened (its effect runs first, and the browser then focuses Close).
  useEffect(() => sendRef.current?.focus(), []);
  return (
    <ModalDialog title={t`Send ${count} jobs?`} onClose={onCancel} className="batch-confirm">
      <p>
        <Trans>
          This prompt makes {count} jobs, each spent on its own. Check the list under the prompt
          before you send them.
        </Trans>
      </p>
      {plan.total && (
        <p>
          <CostFigure cost={plan.total} labelled />
        </p>
      )}
      <div className="row">
        <button type="button" className="ghost" onClick={onCancel}>
          <Trans>Cancel</Trans>
        </button>
        {/* The dialog's question is whether to send: its answer has the focus, Escape cancels. */}
        <button ref={sendRef} type="button" className="primary" onClick={onConfirm}>
          {t`Send ${count} jobs`}
        </button>
      </div>
    </ModalDialog>
  );
}
