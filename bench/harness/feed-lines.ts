/**
 * Line → preview on screen, as a person meets it: prompts run in the built studio against the
 * local engine at its default pace (stream delivery), one job at a time and four submitted at
 * once. A line "arrives" when the page's stream reader hands its bytes to the studio (timed here,
 * from an init script around `ReadableStreamDefaultReader.read`, so the studio's own reading,
 * parsing, state and rendering are all inside the figure); it is "shown" when the feed marks
 * `imagine:shown` after the frame that painted that picture, and "presented" at the Element
 * Timing render time of that picture (when the compositor presented the frame, typically a frame
 * later). Each line is paired with the first `shown` of the same URL after it; a line with none
 * is a miss.
 */
import type { BrowserContext, Page } from '@playwright/test';
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

/**
 * Marks `bench:line` (detail: the preview's URL) the moment each preview line of a stream reaches
 * the page: when the stream reader's `read()` resolves with the bytes that complete it.
 */
export async function watchLineArrival(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const presented: { url: string; at: number }[] = [];
    (window as unknown as { benchPresented: typeof presented }).benchPresented = presented;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & {
        url: string;
        renderTime: number;
      })[]) {
        presented.push({ url: e.url, at: e.renderTime });
      }
    }).observe({ type: 'element', buffered: true });
    const read = ReadableStreamDefaultReader.prototype.read;
    const pending = new WeakMap<object, string>();
    const decoder = new TextDecoder();
    // How many preview streams were open at once, at most.
    const streams = { open: new Set<object>(), most: 0 };
    (window as unknown as { benchStreams: typeof streams }).benchStreams = streams;
    ReadableStreamDefaultReader.prototype.read = function (this: ReadableStreamDefaultReader) {
      return read.call(this).then((result) => {
        if (result.done) streams.open.delete(this);
        if (!(result.value instanceof Uint8Array)) return result;
        const at = performance.now();
        const text = (pending.get(this) ?? '') + decoder.decode(result.value, { stream: true });
        const lines = text.split('\n');
        pending.set(this, lines.pop() ?? '');
        for (const line of lines) {
          try {
            const r = JSON.parse(line) as { progress?: number; image_url?: string };
            if (r.image_url && typeof r.progress === 'number' && r.progress < 100) {
              performance.mark('bench:line', { startTime: at, detail: r.image_url });
              streams.open.add(this);
              streams.most = Math.max(streams.most, streams.open.size);
            } else if (r.progress === 100) streams.open.delete(this);
          } catch {
            // Not a JSON line: not an imagine stream.
          }
        }
        return result;
      });
    } as typeof read;
  });
}

/** Prompts the bench types. */
const PROMPTS = [
  'a lighthouse on a cliff at dusk --seed 11',
  'a copper kettle on a stove --seed 12',
  'a fox in fresh snow --seed 13',
  'a neon street in the rain --seed 14',
  'a sailing boat at dawn --ar 16:9 --seed 15',
  'a glass teapot in sunlight --seed 16',
  'a heron in a misty marsh --seed 17',
  'a red kite over hills --ar 3:2 --seed 18',
];

async function clearMarks(page: Page): Promise<void> {
  await page.evaluate(() => {
    performance.clearMarks('bench:line');
    performance.clearMarks('imagine:shown');
    const w = window as unknown as { benchPresented: unknown[]; benchStreams: { most: number } };
    w.benchPresented.length = 0;
    w.benchStreams.most = 0;
  });
}

/** Types `prompts` one after the other (Enter each), then waits for all of them to finish. */
async function run(page: Page, prompts: readonly string[]): Promise<void> {
  const box = page.getByRole('textbox', { name: 'Prompt' });
  const before = await page.getByRole('article').count();
  for (const prompt of prompts) {
    await box.fill(prompt);
    await box.press('Enter');
  }
  await page.waitForFunction(
    (n) => document.querySelectorAll('article').length >= n,
    before + prompts.length,
  );
  for (const prompt of prompts) {
    await page
      .getByRole('article', { name: prompt })
      .first()
      .getByRole('button', { name: 'U1', exact: true })
      .waitFor({ timeout: 60_000 });
  }
}

/** The line → preview figures of what ran since the marks were cleared, under `name`. */
async function figuresOf(page: Page, name: string, label: string): Promise<Figures> {
  const { lines, shown, presented, streams } = await page.evaluate(() => {
    const read = (mark: string) =>
      performance
        .getEntriesByName(mark, 'mark')
        .map((e) => ({ url: String((e as PerformanceMark).detail), at: e.startTime }));
    const w = window as unknown as { benchPresented: MarkEntry[]; benchStreams: { most: number } };
    return {
      lines: read('bench:line'),
      shown: read('imagine:shown'),
      presented: w.benchPresented,
      streams: w.benchStreams.most,
    };
  });
  const { delays, missed } = pairLines(lines, shown);
  const onScreen = pairLines(lines, presented).delays;
  const missRate = lines.length ? (100 * missed) / lines.length : 0;
  progress(
    `${label}: ${lines.length} preview lines (${streams} streams at most at once), ` +
      `${delays.length} shown, ${missed} missed; ` +
      `median ${round(median(delays))} ms, p95 ${round(percentile(delays, 95))} ms; presented ` +
      `median ${round(median(onScreen))} ms, p95 ${round(percentile(onScreen, 95))} ms`,
  );
  if (delays.length < 10) {
    throw new Error(
      `line → preview (${label}): only ${delays.length} lines reached the screen (need ≥ 10); ` +
        `${lines.length} lines and ${shown.length} pictures shown were recorded`,
    );
  }
  return {
    [`${name}_median`]: {
      value: round(median(delays)),
      unit: 'ms',
      target: { op: '<=', value: 16.7 },
    },
    [`${name}_p95`]: {
      value: round(percentile(delays, 95)),
      unit: 'ms',
      target: { op: '<=', value: 33.4 },
    },
    [`${name}_presented_median`]: { value: round(median(onScreen)), unit: 'ms' },
    [`${name}_presented_p95`]: { value: round(percentile(onScreen, 95)), unit: 'ms' },
    [`${name}_lines`]: { value: lines.length, unit: 'lines' },
    [`${name}_streams_at_once`]: { value: streams, unit: 'streams' },
    [`${name}_miss_rate`]: { value: round(missRate), unit: '%' },
  };
}

/**
 * Runs the prompts in `page` (the studio open, in a context watched by `watchLineArrival`) and
 * returns the line → preview figures: one job at a time, then four submitted at once.
 */
export async function benchLines(page: Page): Promise<Figures> {
  await clearMarks(page);
  for (const [i, prompt] of PROMPTS.slice(0, 4).entries()) {
    await run(page, [prompt]);
    progress(`one at a time: prompt ${i + 1}/4 done`);
  }
  const figures = await figuresOf(page, 'ui.line_to_preview', 'one job at a time');
  await clearMarks(page);
  await run(page, PROMPTS.slice(4, 8));
  progress('four at once: done');
  Object.assign(figures, await figuresOf(page, 'ui.line_to_preview_4', 'four jobs at once'));
  return figures;
}
