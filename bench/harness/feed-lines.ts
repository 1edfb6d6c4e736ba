/**
 * Line → preview on screen: prompts run in the built studio against the local engine at its
 * default pace (stream delivery); the runner marks `imagine:line` when a line with a preview
 * arrives and the feed marks `imagine:shown` after the frame that painted that picture. Each line
 * is paired with the first `shown` of the same URL after it; a line with none is a miss.
 */
import type { Page } from '@playwright/test';
import { median, percentile, round, type Figures } from '../measure';
import { progress } from '../../test-support/servers';

/** A performance mark as read back from the page. */
export interface MarkEntry {
  url: string;
  at: number;
}

/** Every line's fate: the delay to its picture on screen, or a miss. */
export interface LinePairs {
  /** Line → shown delays in ms, one per line whose picture was painted. */
  delays: number[];
  /** Lines whose picture never reached the screen (replaced by a newer one first). */
  missed: number;
}

/**
 * Pairs each line with the first unused `shown` of the same URL at or after it. A line whose
 * picture never reached the screen (a newer preview of the same job replaced it while it
 * loaded) has none: it is counted as a miss, not skipped.
 */
export function pairLines(lines: readonly MarkEntry[], shown: readonly MarkEntry[]): LinePairs {
  const used = new Set<number>();
  const delays: number[] = [];
  let missed = 0;
  for (const line of lines) {
    const i = shown.findIndex((s, k) => !used.has(k) && s.url === line.url && s.at >= line.at);
    if (i < 0) {
      missed++;
      continue;
    }
    used.add(i);
    delays.push(shown[i]!.at - line.at);
  }
  return { delays, missed };
}

/** Prompts the bench types, one after the other. */
const PROMPTS = [
  'a lighthouse on a cliff at dusk --seed 11',
  'a copper kettle on a stove --seed 12',
  'a fox in fresh snow --seed 13',
  'a neon street in the rain --seed 14',
  'a sailing boat at dawn --ar 16:9 --seed 15',
];

/** Runs the prompts in `page` (the studio already open) and returns the line → preview figures. */
export async function benchLines(page: Page): Promise<Figures> {
  await page.evaluate(() => {
    performance.clearMarks('imagine:line');
    performance.clearMarks('imagine:shown');
  });
  const box = page.getByRole('textbox', { name: 'Prompt' });
  for (const [i, prompt] of PROMPTS.entries()) {
    await box.fill(prompt);
    await box.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('article').length >= n, i + 1);
    await page
      .getByRole('article')
      .first()
      .getByRole('button', { name: 'U1', exact: true })
      .waitFor({ timeout: 30_000 });
    progress(`prompt ${i + 1}/${PROMPTS.length} done`);
  }
  const { lines, shown } = await page.evaluate(() => {
    const read = (name: string) =>
      performance
        .getEntriesByName(name, 'mark')
        .map((e) => ({ url: String((e as PerformanceMark).detail), at: e.startTime }));
    return { lines: read('imagine:line'), shown: read('imagine:shown') };
  });
  const { delays, missed } = pairLines(lines, shown);
  const missRate = lines.length ? (100 * missed) / lines.length : 0;
  progress(
    `${lines.length} preview lines, ${shown.length} pictures shown, ${delays.length} shown in ` +
      `time, ${missed} missed (${missRate.toFixed(1)}%)`,
  );
  if (delays.length < 10) {
    throw new Error(
      `line → preview: only ${delays.length} lines reached the screen (need ≥ 10); ` +
        `${lines.length} imagine:line and ${shown.length} imagine:shown marks were recorded`,
    );
  }
  return {
    'ui.line_to_preview_median': {
      value: round(median(delays)),
      unit: 'ms',
      target: { op: '<=', value: 50 },
    },
    'ui.line_to_preview_p95': { value: round(percentile(delays, 95)), unit: 'ms' },
    'ui.line_to_preview_lines': { value: lines.length, unit: 'lines' },
    'ui.line_to_preview_miss_rate': { value: round(missRate), unit: '%' },
  };
}
