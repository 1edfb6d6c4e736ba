import { useLingui } from '@lingui/react/macro';
import { formatUnits, type Cost } from '../../prompt/cost';
import { costSummary } from '../../prompt/cost-words';

/** Props of {@link CostFigure}. */
export interface CostFigureProps {
  cost: Cost;
  /** For `aria-describedby` on the button it belongs to. */
  id?: string;
  /** Show the words "relative cost" beside the figure (where there is room). */
  labelled?: boolean;
}

/**
 * A request's relative cost, small: "×4", with "≈" where some rate is unknown. The full
 * explanation is its tooltip and, for assistive tech, the description of its button.
 */
export function CostFigure({ cost, id, labelled }: CostFigureProps) {
  const { t } = useLingui();
  const summary = costSummary(cost);
  return (
    <span className="cost-figure" title={summary} data-uncertain={cost.uncertain || undefined}>
      <span aria-hidden="true">
        {labelled && <span className="cost-label">{t`relative cost`} </span>}
        {cost.uncertain ? '≈' : ''}
        {formatUnits(cost.units)}
      </span>
      <span id={id} className="visually-hidden">
        {summary}
      </span>
    </span>
  );
}
