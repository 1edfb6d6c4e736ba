import { describe, expect, it } from 'vitest';
import type { Job } from '../../jobs/job';
import { costByDay } from './cost-days';

const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).getTime();
type Row = Pick<Job, 'status' | 'cost' | 'createdAt'>;

describe('costByDay', () => {
  it('totals finished jobs per local day, newest day first', () => {
    const byId: Record<string, Row> = {
      a: { status: 'done', cost: 1, createdAt: at(2026, 8, 3, 9) },
      b: { status: 'done', cost: 4, createdAt: at(2026, 8, 3, 23) },
      c: { status: 'done', cost: 0.5, createdAt: at(2026, 8, 2) },
      // Failed tasks are generally not billed; running ones have not spent yet.
      d: { status: 'failed', cost: 2, createdAt: at(2026, 8, 3) },
      e: { status: 'running', cost: 2, createdAt: at(2026, 8, 3) },
      // Made before costs were kept: not counted, rather than guessed.
      f: { status: 'done', createdAt: at(2026, 8, 2) },
    };
    expect(costByDay(Object.keys(byId), byId)).toEqual([
      { day: at(2026, 8, 3, 0), units: 5, jobs: 2 },
      { day: at(2026, 8, 2, 0), units: 0.5, jobs: 1 },
    ]);
  });

  it('counts only the jobs it is given (the filtered ones)', () => {
    const byId: Record<string, Row> = {
      a: { status: 'done', cost: 1, createdAt: at(2026, 8, 3) },
      b: { status: 'done', cost: 2, createdAt: at(2026, 8, 3) },
    };
    expect(costByDay(['b'], byId)).toEqual([{ day: at(2026, 8, 3, 0), units: 2, jobs: 1 }]);
    expect(costByDay([], byId)).toEqual([]);
  });
});
