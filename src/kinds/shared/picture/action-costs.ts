import type { Mode } from '../../../api/contract';
import { costOf, formatUnits } from '../../../prompt/cost';
import { costSummary } from '../../../prompt/cost-words';

/** What an action button carries about its cost. */
export interface ActionCost {
  /** The id of the explanation, for the button's `aria-describedby`. */
  id: string;
  /** `≈×1`: drawn beside the name by CSS, so the name and text stay the action's. */
  figure: string;
  summary: string;
}

/**
 * The cost of each action a bar offers at the current mode. Buttons that cost the same share one
 * explanation (`notes`, rendered once, hidden, and named by each button's description).
 */
export function actionCosts(mode: Mode, baseId: string) {
  const notes = new Map<string, string>();
  return {
    of(action: string): ActionCost | null {
      const cost = costOf({ action, mode });
      if (!cost) return null;
      const summary = costSummary(cost);
      let id = notes.get(summary);
      if (id === undefined) {
        id = `${baseId}-cost-${notes.size}`;
        notes.set(summary, id);
      }
      return { id, summary, figure: `${cost.uncertain ? '≈' : ''}${formatUnits(cost.units)}` };
    },
    /** Every explanation handed out so far, once each. */
    notes: () => [...notes].map(([summary, id]) => ({ id, summary })),
  };
}
