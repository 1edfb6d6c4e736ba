import { beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../../api/contract';
import type { Job } from '../job';
import { imagineKind } from '../../kinds/imagine/imagine-kind';
import type { JobKind } from '../kind';
import { canRetry, transition } from './machine';
import { RATE_LIMIT_TRIES, isModerationRefusal } from './limits';
import {
  CANCELLED_BEFORE_SEND_NOTE,
  SERVICE_TIMEOUT_MS,
  idleRun,
  type CallError,
  type Effect,
  type JobEvent,
  type Run,
  type Tuning,
} from './types';
import { jobKinds } from '../../kinds/registry';

beforeAll(() => jobKinds().loadAll());

const tuning: Tuning = {
  stallAfterMs: 3000,
  serviceTimeoutMs: SERVICE_TIMEOUT_MS,
  pollIntervalMs: 1000,
  stalledPollMs: 10_000,
  maxBackoffMs: 8000,
};

interface State {
  job: Job | undefined;
  run: Run;
  effects: Effect[];
}

function play(s: State, event: JobEvent, now: number, kind: JobKind = imagineKind): State {
  const job = s.job ? (Object.freeze(structuredClone(s.job)) as Job) : undefined;
  const out = transition(job, event, {
    now,
    kind,
    run: Object.freeze({ ...s.run }),
    tuning,
    settings: { delivery: 'stream', mode: 'fast' },
    target: { name: 'local', baseUrl: '' },
  });
  return { job: out.job, run: out.run, effects: out.effects };
}

const empty: State = { job: undefined, run: idleRun(tuning), effects: [] };

function sent(request: Record<string, unknown> = { prompt: 'a cat' }): State {
  const queued = play(
    empty,
    { type: 'submitted', id: 'job-1', traceId: 'trace-1', kind: 'imagine', request },
    1000,
  );
  return play(queued, { type: 'slot' }, 2000);
}

const tooMany = (retryAfterMs?: number): CallError => ({
  kind: 'http',
  status: 429,
  code: 'too_many_requests',
  message: 'You have exceeded the rate limit.',
  ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
});

const types = (s: State) => s.effects.map((e) => e.type);
const timerOf = (s: State, name: string) =>
  s.effects.find((e) => e.type === 'timer' && e.timer === name) as { afterMs: number } | undefined;
const task = (progress: number): Task => ({
  id: 'task-1',
  trace_id: 'trace-1',
  response: { progress },
  finished_at: null,
});

describe('machine: a 429 at submission waits and is sent again by itself', () => {
  it('without Retry-After: 1, 2, 4, 8, 16 s (plus a little jitter), then it fails', () => {
    let s = sent();
    let now = 2000;
    const waits: number[] = [];
    for (let i = 0; i < RATE_LIMIT_TRIES; i += 1) {
      s = play(s, { type: 'failed', error: tooMany() }, now);
      expect(s.job).toMatchObject({
        status: 'queued',
        traceId: 'trace-1',
        error: { status: 429, code: 'too_many_requests' },
      });
      expect(types(s)).toEqual(['save', 'clearTimer', 'timer']);
      const wait = timerOf(s, 'resend')!.afterMs;
      expect(s.job!.retryAt).toBe(now + wait);
      waits.push(wait);
      now += wait;
      // The wait is over: the same submission (same trace id) goes again, its error cleared.
      s = play(s, { type: 'tick', timer: 'resend' }, now);
      expect(types(s)).toEqual(['save', 'send', 'timer']);
      expect(s.effects[1]).toMatchObject({ body: { trace_id: 'trace-1' } });
      expect(s.job).toMatchObject({ status: 'running' });
      expect(s.job!.error).toBeUndefined();
      expect(s.job!.retryAt).toBeUndefined();
    }
    waits.forEach((wait, i) => {
      const base = 1000 * 2 ** i;
      expect(wait).toBeGreaterThanOrEqual(base);
      expect(wait).toBeLessThanOrEqual(base * 1.25);
    });
    const last = play(s, { type: 'failed', error: tooMany() }, now);
    expect(last.job).toMatchObject({ status: 'failed', error: { status: 429 } });
    expect(types(last)).toEqual(['save', 'end']);
  });

  it('honours Retry-After exactly', () => {
    const s = play(sent(), { type: 'failed', error: tooMany(7000) }, 2500);
    expect(timerOf(s, 'resend')).toMatchObject({ afterMs: 7000 });
    expect(s.job!.retryAt).toBe(9500);
    // Early ticks of another timer do not send it.
    expect(types(play(s, { type: 'tick', timer: 'poll' }, 3000))).toEqual([]);
  });

  it('Retry now sends it at once; Cancel while waiting says nothing was charged', () => {
    const waiting = play(sent(), { type: 'failed', error: tooMany(60_000) }, 2500);
    expect(canRetry(waiting.job)).toBe(true);
    const now = play(waiting, { type: 'retry', traceId: 'trace-new' }, 3000);
    expect(types(now)).toEqual(['clearTimer', 'save', 'send', 'timer']);
    expect(now.job).toMatchObject({ status: 'running', traceId: 'trace-1', attempts: 1 });
    const cancelled = play(waiting, { type: 'cancel' }, 3000);
    expect(cancelled.job).toMatchObject({
      status: 'cancelled',
      note: CANCELLED_BEFORE_SEND_NOTE,
    });
  });

  it('after a reload its slot waits the rest of the wait; a wait already over sends', () => {
    const waiting = play(sent(), { type: 'failed', error: tooMany(10_000) }, 2000);
    const reloaded: State = { job: waiting.job, run: idleRun(tuning), effects: [] };
    const early = play(reloaded, { type: 'slot' }, 5000);
    expect(early.effects).toEqual([{ type: 'timer', timer: 'resend', afterMs: 7000 }]);
    expect(early.run.phase).toBe('waiting');
    const late = play(reloaded, { type: 'slot' }, 13_000);
    expect(types(late)).toEqual(['save', 'send', 'timer']);
  });
});

describe('machine: a moderation refusal is final', () => {
  it('a 403 forbidden fails, is never sent again by itself, and Retry does nothing', () => {
    const refused: CallError = {
      kind: 'http',
      status: 403,
      code: 'forbidden',
      message:
        'Sorry! Our Al moderators feel your prompt might be against our community standards.',
    };
    const s = play(sent(), { type: 'failed', error: refused }, 2500);
    expect(s.job).toMatchObject({ status: 'failed', error: { code: 'forbidden', status: 403 } });
    expect(types(s)).toEqual(['save', 'end']);
    expect(isModerationRefusal(s.job!.error)).toBe(true);
    expect(canRetry(s.job)).toBe(false);
    const retried = play(s, { type: 'retry', traceId: 'trace-2' }, 3000);
    expect(retried.job).toEqual(s.job);
    expect(retried.effects).toEqual([]);
    // Out of credits is a 403 too, but topping up and retrying helps.
    const usedUp = play(
      sent(),
      { type: 'failed', error: { ...refused, code: 'used_up', message: 'balance' } },
      2500,
    );
    expect(canRetry(usedUp.job)).toBe(true);
  });
});

describe('machine: stalled only after the service’s own timeout', () => {
  it('a silent stream is checked after “Stalled after”, but called stalled only past 480 s', () => {
    let s = sent();
    s = play(s, { type: 'tick', timer: 'silence' }, 5000);
    expect(s.effects).toEqual([{ type: 'lookup', key: { trace_id: 'trace-1' } }]);
    s = play(s, { type: 'polled', task: task(0) }, 5100);
    expect(s.job!.status).toBe('running');
    // Looked at again every 10 s while silent, never in a tight loop.
    expect(timerOf(s, 'silence')!.afterMs).toBe(10_000);
    s = play(s, { type: 'tick', timer: 'silence' }, 476_000);
    s = play(s, { type: 'polled', task: task(0) }, 476_100);
    expect(s.job!.status).toBe('running');
    // The last look comes when the service's 480 s are over.
    expect(timerOf(s, 'silence')!.afterMs).toBe(2000 + SERVICE_TIMEOUT_MS - 476_100);
    s = play(s, { type: 'tick', timer: 'silence' }, 482_000);
    s = play(s, { type: 'polled', task: task(0) }, 482_100);
    expect(s.job!.status).toBe('stalled');
  });

  it('a request with its own timeout is stalled after that one', () => {
    let s = sent({ prompt: 'a cat', timeout: 30 });
    s = play(s, { type: 'tick', timer: 'silence' }, 33_000);
    s = play(s, { type: 'polled', task: task(0) }, 33_100);
    expect(s.job!.status).toBe('stalled');
  });

  it('while following a dropped call by lookups, too', () => {
    let s = play(sent(), { type: 'failed', error: { kind: 'network', message: 'reset' } }, 3000);
    s = play(s, { type: 'tick', timer: 'poll' }, 4000);
    s = play(s, { type: 'polled', task: task(0) }, 100_000);
    expect(s.job!.status).toBe('running');
    s = play(s, { type: 'tick', timer: 'poll' }, 483_000);
    s = play(s, { type: 'polled', task: task(0) }, 483_000);
    expect(s.job!.status).toBe('stalled');
  });

  it('a kind with no task records is stalled on silence alone, past the timeout too', () => {
    const noTasks: JobKind = { ...imagineKind, tasks: false };
    let s = play(sent(), { type: 'tick', timer: 'silence' }, 6000, noTasks);
    expect(s.job!.status).toBe('running');
    expect(timerOf(s, 'silence')!.afterMs).toBe(10_000);
    s = play(s, { type: 'tick', timer: 'silence' }, 482_000, noTasks);
    expect(s.job!.status).toBe('stalled');
  });
});
