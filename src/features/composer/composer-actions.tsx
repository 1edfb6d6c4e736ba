import { useId } from 'react';
import { Trans, useLingui } from '@lingui/react/macro';
import { CostFigure } from '../../components/ui/cost-figure';
import type { Cost } from '../../prompt/cost';

/** Props of {@link ComposerActions}. */
export interface ComposerActionsProps {
  /** How many images a blend prompt holds; 0 when the prompt is not a blend. */
  blendOf: number;
  /** The lint found a sure refusal: Imagine is held back and "Send anyway" offered. */
  refused: boolean;
  blank: boolean;
  /** What Imagine would send, in relative cost (all jobs of a batch); null for a blank prompt. */
  cost?: Cost | null;
  onSendAnyway: () => void;
  /** Opens Animate (absent where the studio offers no video). */
  onAnimate?: () => void;
}

/** The composer's last row: a hint, Send anyway, Animate and Imagine (the form's submit). */
export function ComposerActions({
  blendOf,
  refused,
  blank,
  cost,
  onSendAnyway,
  onAnimate,
}: ComposerActionsProps) {
  const { t } = useLingui();
  const costId = useId();
  return (
    <div className="row composer-actions">
      {blendOf ? (
        <span className="hint">{t`Blend of ${blendOf} images`}</span>
      ) : (
        <span className="hint enter-hint">
          <Trans>Enter to imagine · Shift+Enter for a new line</Trans>
        </span>
      )}
      {refused && !blank && (
        <button type="button" className="ghost" onClick={onSendAnyway}>
          <Trans>Send anyway</Trans>
        </button>
      )}
      {onAnimate && (
        <button type="button" onClick={onAnimate}>
          <Trans>Animate</Trans>
        </button>
      )}
      {cost && <CostFigure cost={cost} id={costId} labelled />}
      <button
        type="submit"
        className="primary"
        disabled={refused || blank}
        aria-describedby={cost ? costId : undefined}
      >
        <Trans>Imagine</Trans>
      </button>
    </div>
  );
}
