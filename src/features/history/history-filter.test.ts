import { describe, expect, it } from 'vitest';
import type { JobStatus } from '../../jobs/job';
import {
  EMPTY_FILTER,
  dateRange,
  dayStart,
  filterJobs,
  searchTerms,
  type HistoryFilter,
} from './history-filter';
import { actionLabel } from '../../api/action-labels';
import { jobAction } from '../../jobs/job-names';
import { actionKind, type HistoryJob } from './job-labels';

const N = 10_000;
const WORDS = ['lighthouse', 'zebra crossing', 'Neon Tokyo', 'café at dawn', 'red fox'];
const STATUSES: JobStatus[] = ['done', 'done', 'done', 'failed', 'cancelled', 'stalled'];
const ACTIONS = [
  undefined,
  'upscale2',
  'variation3',
  'zoom_out_2x',
  'pan_left',
  'variation_region',
  'reroll',
];
// Local midnight, 1 March 2025; one job per hour after it, so day boundaries are easy to count.
const BASE = new Date(2025, 2, 1).getTime();
const HOUR = 3_600_000;

/** Job i: word i%5, status i%6, action i%7, created i hours after BASE; newest first in `order`. */
function synthetic(): { byId: Record<string, HistoryJob>; order: string[] } {
  const byId: Record<string, HistoryJob> = {};
  const order: string[] = [];
  for (let i = N - 1; i >= 0; i -= 1) {
    const id = `job-${i}`;
    const action = ACTIONS[i % 7];
    const word = WORDS[i % 5]!;
    byId[id] = {
      id,
      // Derived jobs carry no prompt of their own; their parent's prompt is the label.
      request: action ? { action, image_id: `img-${i - 1}` } : { prompt: `a ${word} --ar 16:9` },
      ...(action ? { parent: { jobId: `job-${i - 1}`, imageId: 'x', action, label: word } } : {}),
      status: STATUSES[i % 6]!,
      createdAt: BASE + i * HOUR,
    };
    order.push(id);
  }
  return { byId, order };
}

const { byId, order } = synthetic();
const index = (id: string) => Number(id.slice(4));
const run = (patch: Partial<HistoryFilter>) =>
  filterJobs(order, byId, { ...EMPTY_FILTER, ...patch });
const expected = (keep: (i: number) => boolean) => order.filter((id) => keep(index(id)));

describe('filterJobs over 10,000 jobs', () => {
  it('returns everything, newest first, with no filter', () => {
    const ids = run({});
    expect(ids).toHaveLength(N);
    expect(ids[0]).toBe('job-9999');
    expect(ids.at(-1)).toBe('job-0');
  });

  it('searches prompts case-insensitively, every term must appear, order kept', () => {
    expect(run({ query: 'ZEBRA' })).toEqual(expected((i) => i % 5 === 1));
    expect(run({ query: '  neon   tokyo ' })).toEqual(expected((i) => i % 5 === 2));
    expect(run({ query: 'neon fox' })).toEqual([]);
    expect(run({ query: 'café' })).toHaveLength(N / 5);
  });

  it('finds derived jobs by their parent label (an upscale has no prompt)', () => {
    const ids = run({ query: 'lighthouse', action: 'upscale' });
    expect(ids).toEqual(expected((i) => i % 5 === 0 && i % 7 === 1));
    expect(ids.length).toBeGreaterThan(0);
  });

  it('finds a describe by the prompts it answered with', () => {
    const describeJob: HistoryJob = {
      id: 'describe-1',
      request: { image_url: 'https://x.test/boat.png' },
      status: 'done',
      createdAt: BASE,
      result: { actions: [], data: { descriptions: ['a gold sailboat --ar 75:3', 'coins'] } },
    };
    const byId = { 'describe-1': describeJob };
    expect(filterJobs(['describe-1'], byId, { ...EMPTY_FILTER, query: 'Sailboat' })).toEqual([
      'describe-1',
    ]);
    expect(filterJobs(['describe-1'], byId, { ...EMPTY_FILTER, query: 'lighthouse' })).toEqual([]);
  });

  it('filters by status', () => {
    expect(run({ status: 'failed' })).toEqual(expected((i) => i % 6 === 3));
    expect(run({ status: 'done' })).toEqual(expected((i) => i % 6 < 3));
    expect(run({ status: 'running' })).toEqual([]);
  });

  it('filters by action group', () => {
    expect(run({ action: 'generate' })).toEqual(expected((i) => i % 7 === 0));
    expect(run({ action: 'variation' })).toEqual(expected((i) => i % 7 === 2));
    expect(run({ action: 'region' })).toEqual(expected((i) => i % 7 === 5));
    expect(run({ action: 'pan' })).toEqual(expected((i) => i % 7 === 4));
    expect(run({ action: 'other' })).toEqual([]);
  });

  it('filters by day, both ends inclusive, in local time', () => {
    // Day k (0-based) holds jobs 24k … 24k+23.
    expect(run({ from: '2025-03-02', to: '2025-03-02' })).toEqual(
      expected((i) => i >= 24 && i < 48),
    );
    expect(run({ from: '2025-03-03' })).toEqual(expected((i) => i >= 48));
    expect(run({ to: '2025-03-01' })).toEqual(expected((i) => i < 24));
    expect(run({ from: '2025-03-05', to: '2025-03-04' })).toEqual([]);
  });

  it('combines every filter', () => {
    const ids = run({ query: 'fox', status: 'done', action: 'zoom', from: '2025-03-10' });
    expect(ids).toEqual(expected((i) => i % 5 === 4 && i % 6 < 3 && i % 7 === 3 && i >= 9 * 24));
    expect(ids.length).toBeGreaterThan(10);
  });

  it('skips ids whose job is gone', () => {
    expect(filterJobs(['ghost', 'job-0'], byId, EMPTY_FILTER)).toEqual(['job-0']);
  });
});

describe('dates and terms', () => {
  it('parses local days and rejects impossible ones', () => {
    expect(dayStart('2025-03-01')).toBe(BASE);
    expect(dayStart('2025-02-30')).toBeUndefined();
    expect(dayStart('yesterday')).toBeUndefined();
    expect(dateRange({ from: '', to: '' })).toEqual({ min: -Infinity, max: Infinity });
    expect(dateRange({ from: '', to: '2025-03-01' }).max).toBe(BASE + 24 * HOUR - 1);
  });

  it('splits a query into lower-case terms', () => {
    expect(searchTerms('  Red   FOX ')).toEqual(['red', 'fox']);
    expect(searchTerms('   ')).toEqual([]);
  });
});

describe('job labels', () => {
  it('groups every known action family', () => {
    expect(actionKind('generate')).toBe('generate');
    expect(actionKind('upscale4')).toBe('upscale');
    expect(actionKind('redo_upscale_creative')).toBe('upscale');
    expect(actionKind('variation_strong')).toBe('variation');
    expect(actionKind('variation_region')).toBe('region');
    expect(actionKind('zoom_out_1_5x')).toBe('zoom');
    expect(actionKind('pan_down')).toBe('pan');
    expect(actionKind('reroll')).toBe('reroll');
    expect(actionKind('blend')).toBe('other');
  });

  it('names the action a job ran with the shared labels', () => {
    const name = (job: Pick<HistoryJob, 'request' | 'parent'>) => actionLabel(jobAction(job));
    expect(name({ request: { prompt: 'a fox' } })).toBe('Generate');
    expect(
      name({ request: { action: 'upscale2' }, parent: { imageId: 'i', action: 'upscale2' } }),
    ).toBe('U2');
    expect(name({ request: {}, parent: { imageId: 'i', action: 'variation4' } })).toBe('V4');
    expect(name({ request: { action: 'zoom_out_1_5x' } })).toBe('Zoom Out 1.5x');
    expect(name({ request: { action: 'pan_left' } })).toBe('Pan Left');
  });
});

describe('video jobs in the history', () => {
  it('Animate and Extend are their own Action group, Video', async () => {
    const { actionKind } = await import('./job-labels');
    const animate = { kind: 'videos', request: { action: 'generate' } };
    const extend = { kind: 'videos', request: { action: 'extend' } };
    expect(jobAction(animate)).toBe('animate');
    expect(jobAction(extend)).toBe('extend');
    expect(actionKind(jobAction(animate))).toBe('video');
    expect(actionKind(jobAction(extend))).toBe('video');
    // An imagine generate is still a generate.
    expect(actionKind(jobAction({ request: { action: 'generate' } }))).toBe('generate');
  });
});
