// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Job } from './job';
import {
  createJobsActions,
  createJobsStore,
  jobsStore,
  selectJob,
  selectOrder,
  useJobs,
} from './store';

const jobsActions = createJobsActions(jobsStore);

function job(id: string, createdAt: number, extra: Partial<Job> = {}): Job {
  return {
    id,
    traceId: `trace-${id}`,
    request: { prompt: id },
    delivery: 'stream',
    status: 'queued',
    progress: 0,
    createdAt,
    updatedAt: createdAt,
    attempts: 1,
    ...extra,
  };
}

afterEach(() => jobsActions.reset());

describe('jobs store', () => {
  it('keeps jobs newest first, wherever they are inserted', () => {
    const store = createJobsStore();
    const actions = createJobsActions(store);
    actions.upsert(job('b', 200));
    actions.upsert(job('c', 300));
    actions.upsert(job('a', 100)); // an older one arriving late (another tab, import)
    actions.upsert(job('d', 250));
    expect(selectOrder(store.getState())).toEqual(['c', 'd', 'b', 'a']);

    actions.upsert({ ...job('d', 250), status: 'running' });
    expect(store.getState().order).toEqual(['c', 'd', 'b', 'a']);
    expect(selectJob('d')(store.getState())?.status).toBe('running');
  });

  it('a progress tick replaces only that job: order and other jobs keep their identity', () => {
    const store = createJobsStore();
    const actions = createJobsActions(store);
    const many = Array.from({ length: 10_000 }, (_, i) => job(`j${i}`, i));
    actions.merge(many);
    const before = store.getState();
    expect(before.order).toHaveLength(10_000);
    expect(before.order[0]).toBe('j9999');

    const next = actions.patch('j5000', { progress: 42, preview: { url: 'p.webp' } });
    const after = store.getState();
    expect(next?.progress).toBe(42);
    expect(after.byId.j5000).toBe(next);
    expect(after.order).toBe(before.order);
    expect(after.byId.j4999).toBe(before.byId.j4999);
    expect(after.byId.j5001).toBe(before.byId.j5001);
    expect(before.byId.j5000?.progress).toBe(0); // the old snapshot is untouched
  });

  it('patch removes fields set to undefined and never moves a job', () => {
    const store = createJobsStore();
    const actions = createJobsActions(store);
    actions.upsert(
      job('x', 10, { error: { kind: 'network', message: 'down' }, note: { code: 'n' } }),
    );
    actions.upsert(job('y', 20));
    const patched = actions.patch('x', { error: undefined, status: 'running', createdAt: 999 });
    expect(patched).not.toHaveProperty('error');
    expect(patched?.note).toEqual({ code: 'n' });
    expect(patched?.createdAt).toBe(10);
    expect(store.getState().order).toEqual(['y', 'x']);
    expect(actions.patch('nope', { progress: 1 })).toBeUndefined();
  });

  it('merges many at once, keeping jobs the caller says to keep, and removes', () => {
    const store = createJobsStore();
    const actions = createJobsActions(store);
    actions.upsert(job('mine', 50, { status: 'running', progress: 70 }));
    actions.merge(
      [job('mine', 50, { status: 'running', progress: 10 }), job('old', 5), job('new', 500)],
      (existing) => existing.id === 'mine',
    );
    expect(store.getState().byId.mine?.progress).toBe(70);
    expect(store.getState().order).toEqual(['new', 'mine', 'old']);

    actions.remove(['mine', 'unknown']);
    expect(store.getState().order).toEqual(['new', 'old']);
    expect(store.getState().byId.mine).toBeUndefined();

    actions.setStorageNotice({ kind: 'full', message: { code: 'storage.full' }, at: 1 });
    expect(store.getState().storageNotice?.message).toEqual({ code: 'storage.full' });
  });

  it('useJobs re-renders a component reading one job when that job changes', () => {
    jobsActions.upsert(job('seen', 1));
    jobsActions.upsert(job('other', 2));
    let renders = 0;
    const { result } = renderHook(() => {
      renders += 1;
      return useJobs((s) => s.byId.seen?.progress);
    });
    expect(result.current).toBe(0);
    const first = renders;

    act(() => void jobsActions.patch('other', { progress: 50 }));
    expect(renders).toBe(first); // another job's tick does not re-render this one

    act(() => void jobsActions.patch('seen', { progress: 33 }));
    expect(result.current).toBe(33);
  });
});
