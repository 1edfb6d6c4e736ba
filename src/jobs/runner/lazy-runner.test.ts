import { describe, expect, it, vi } from 'vitest';
import type { Job } from '../job';
import { createLazyRunner } from './lazy-runner';
import type { Runner } from './ports';

/** A runner that records what it was asked, in order. */
function fakeRunner(calls: string[]): Runner {
  return {
    sink: {
      merge: (jobs) => void calls.push(`merge ${jobs.map((j) => j.id).join(',')}`),
      remove: (ids) => void calls.push(`remove ${ids.join(',')}`),
      patch: (id) => void calls.push(`patch ${id}`),
      notice: (n) => void calls.push(`notice ${n?.kind ?? 'none'}`),
    },
    submit: (request, opts = {}) => {
      calls.push(`submit ${request.prompt} as ${opts.id ?? 'a new id'}`);
      return opts.id ?? 'fresh';
    },
    cancel: (id) => (calls.push(`cancel ${id}`), true),
    retry: (id) => (calls.push(`retry ${id}`), true),
    checkAgain: (id) => (calls.push(`check ${id}`), true),
    remove: async (ids) => void calls.push(`delete ${ids.join(',')}`),
    resumeAll: async () => void calls.push('resume'),
    keepMissingCopies: async () => void calls.push('keep missing copies'),
    dispose: () => void calls.push('dispose'),
  };
}

describe('the lazy runner', () => {
  it('keeps what is asked before the runner loaded and hands it over in order', async () => {
    const calls: string[] = [];
    let finish: (runner: Runner) => void = () => {};
    const lazy = createLazyRunner(() => new Promise<Runner>((resolve) => (finish = resolve)));
    lazy.sink.merge([{ id: 'from-another-tab' } as Job]);
    const id = lazy.submit({ prompt: 'a heron' });
    expect(lazy.cancel('j1')).toBe(false);
    const resumed = lazy.resumeAll();
    expect(calls).toEqual([]);

    finish(fakeRunner(calls));
    await resumed;
    expect(calls).toEqual([
      'merge from-another-tab',
      `submit a heron as ${id}`,
      'cancel j1',
      'resume',
    ]);
    // Once loaded, straight through.
    expect(lazy.retry('j2')).toBe(true);
    expect(lazy.submit({ prompt: 'a crane' })).toBe('fresh');
    expect(calls.slice(-2)).toEqual(['retry j2', 'submit a crane as a new id']);
  });

  it('tries a failed load again on the next call', async () => {
    const calls: string[] = [];
    const load = vi
      .fn<() => Promise<Runner>>()
      .mockRejectedValueOnce(new Error('chunk failed'))
      .mockResolvedValue(fakeRunner(calls));
    const lazy = createLazyRunner(load);
    await expect(lazy.resumeAll()).rejects.toThrow('chunk failed');
    await lazy.resumeAll();
    expect(load).toHaveBeenCalledTimes(2);
    expect(calls).toEqual(['resume']);
  });
});
