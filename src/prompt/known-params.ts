/**
 * Every parameter name the studio knows, and a spelling helper for the unknown ones. Kept apart
 * from the lint so the dash reading (`dashes.ts`) and the lint share one list.
 */
import { MODE_PARAMS, PARAM_SPECS } from '../api/prompt-syntax';
import { OTHER_PARAMS } from '../api/param-ranges';

/** Every known name: specs, their aliases, the other real parameters and the speed switches. */
export const KNOWN_NAMES: readonly string[] = [
  ...PARAM_SPECS.flatMap((s) => [s.name, ...s.aliases]),
  ...Object.keys(OTHER_PARAMS),
  ...MODE_PARAMS,
];

/** The known name closest to a misspelling (`stylise` → `stylize`), if one is close enough. */
export function closestName(name: string): string | null {
  if (name.length < 3) return null;
  const limit = name.length >= 6 ? 2 : 1;
  let best: string | null = null;
  let bestDistance = limit + 1;
  for (const known of KNOWN_NAMES) {
    const d = editDistance(name, known);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return best;
}

/** Optimal string alignment distance: edits plus swaps of neighbours (`chaso` → `chaos` is 1). */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      }
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}
