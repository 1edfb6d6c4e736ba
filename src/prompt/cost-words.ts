/**
 * How a cost is said (`cost.ts` holds only numbers and codes). Called while rendering, so the
 * words follow the active language.
 */
import { i18n } from '@lingui/core';
import { t } from '@lingui/core/macro';
import { formatUnits, type Cost, type CostFactor } from './cost';

/** One factor, e.g. "turbo ×2" or "relax (rate not published)". */
export function costFactorWord(f: CostFactor): string {
  const times = formatUnits(f.multiplier);
  const value = f.value ?? '';
  switch (f.code) {
    case 'turbo':
      return t`turbo ${times}`;
    case 'relax':
      return t`relax (rate not published)`;
    case 'hd':
      return t`HD ${times}`;
    case 'quality':
      return t`quality ${value} ${times}`;
    case 'video':
      return t`video ${times}`;
    case 'video-720p':
      return t`720p ${times}`;
    case 'action':
      return t`action (rate not published)`;
    case 'version':
      return t`version ${value} (rate not published)`;
    case 'style-reference':
      return t`--sref in V8 (rate not published)`;
    case 'moodboard':
      return t`moodboard (rate not published)`;
  }
}

/** The whole explanation of a figure: what it is, its factors, and what is not known. */
export function costSummary(cost: Cost): string {
  const figure = formatUnits(cost.units);
  const head = t`Relative cost ${figure} (1 = one fast image job)`;
  const list = new Intl.ListFormat(i18n.locale || 'en', { style: 'narrow', type: 'conjunction' });
  const factors = list.format(cost.factors.map(costFactorWord));
  const tail = cost.uncertain
    ? t`The provider publishes no credit prices, and some rates here are unknown: at least this much.`
    : t`The provider publishes no credit prices: this is a relative figure, not credits.`;
  return factors ? t`${head}: ${factors}. ${tail}` : t`${head}. ${tail}`;
}
