/** Shared bits of `npm run bench`: timing, medians, and the result table. */

/** One figure: a value, its unit, and the target it is checked against. */
export interface Figure {
  value: number;
  unit: string;
  /** `<=` or `>=` a target; absent for figures that are only reported. */
  target?: { op: '<=' | '>='; value: number };
  /** `modelled`: computed from measured parts rather than measured itself (the table says so). */
  note?: 'modelled';
}

export type Figures = Record<string, Figure>;

/** The median of some numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The p-th percentile (0–100) of some numbers. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** Median wall time of `runs` calls of `work`, after `warmup` unmeasured calls, in ms. */
export async function timeMedian(
  work: () => Promise<unknown> | unknown,
  runs = 7,
  warmup = 2,
): Promise<number> {
  for (let i = 0; i < warmup; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return round(median(times));
}

/** Two decimals are plenty for a benchmark table. */
export function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Whether a figure meets its target (true when it has none). */
export function meets(figure: Figure): boolean {
  if (!figure.target) return true;
  return figure.target.op === '<='
    ? figure.value <= figure.target.value
    : figure.value >= figure.target.value;
}
