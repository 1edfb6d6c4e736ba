import { beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../../api/contract';
import type { Job } from '../job';
import { imagineKind } from '../../kinds/imagine/imagine-kind';
import type { JobKind } from '../kind';
import { transition } from './machine';
import {
  CANCELLED_AFTER_SEND_NOTE,
  CANCELLED_BEFORE_SEND_NOTE,
  NEVER_ARRIVED_MESSAGE,
  NO_LOOKUP_MESSAGE,
  UNKNOWN_TASK_MESSAGE,
  idleRun,
  type Effect,
  type JobEvent,
  type Run,
} from './types';
import type { SendSettings } from '../kind';
import { jobKinds } from '../../kinds/registry';
import { TEST_TUNING } from '../fixtures/machine-tuning';
import { i18n } from '@lingui/core';
import { say } from '../../i18n/say';

// The kinds read answers and requests with the job schemas, which the runner loads first.
beforeAll(() => jobKinds().loadAll());

const tuning = TEST_TUNING;
const target = { name: 'local', baseUrl: 'http://engine' };

interface State {
  job: Job | undefined;
  run: Run;
  effects: Effect[];
  now: number;
}

/** Runs events through the machine, one after another, deep-freezing what goes in. */
function play(
  state: State,
  event: JobEvent,
  at: number = state.now,
  opts: { kind?: JobKind; settings?: Partial<SendSettings> } = {},
): State {
  const job = state.job ? (structuredClone(state.job) as Job) : undefined;
  if (job) Object.freeze(job);
  const out = transition(job, event, {
    now: at,
    kind: opts.kind ?? imagineKind,
    run: Object.freeze({ ...state.run }),
    tuning,
    settings: { delivery: 'stream', mode: 'fast', ...opts.settings },
    target,
  });
  return { job: out.job, run: out.run, effects: out.effects, now: at };
}

const start: State = { job: undefined, run: idleRun(tuning), effects: [], now: 1000 };

function submitted(
  request: Record<string, unknown> = { prompt: 'a cat' },
  delivery?: 'async',
): State {
  return play(start, {
    type: 'submitted',
    id: 'job-1',
    traceId: 'trace-1',
    kind: 'imagine',
    request,
    ...(delivery ? { delivery } : {}),
  });
}

const sent = (): State => play(submitted(), { type: 'slot' }, 2000);
const types = (s: State) => s.effects.map((e) => e.type);
const timer = (s: State) => s.effects.find((e) => e.type === 'timer');

function task(response: Record<string, unknown> | null, finished = false, id = 'task-1'): Task {
  return { id, trace_id: 'trace-1', response, finished_at: finished ? 5 : null };
}
const grid = {
  success: true,
  task_id: 'task-1',
  image_id: 'img',
  image_url: 'http://x/thumb.png',
  raw_image_url: 'http://x/raw.png',
  progress: 100,
  actions: ['upscale1', 'variation1'],
};

/** A sent job whose call dropped: following the task by lookups. */
function polling(): State {
  const dropped = play(
    sent(),
    { type: 'failed', error: { kind: 'network', message: 'reset' } },
    4000,
  );
  return play(dropped, { type: 'tick', timer: 'poll' }, 4000);
}

describe('machine: submit and send', () => {
  it('queues a clean request (no transport fields, no token) with the mode from Settings', () => {
    const s = submitted({ prompt: 'a cat', trace_id: 'x', async: true, api_token: 'sk-1' });
    expect(s.job).toMatchObject({
      status: 'queued',
      kind: 'imagine',
      attempts: 1,
      delivery: 'stream',
    });
    expect(s.job!.request).toEqual({ prompt: 'a cat', mode: 'fast' });
    expect(types(s)).toEqual(['save', 'enqueue']);
  });

  it('a slot saves `running` and sends the body with the trace id; callback only when async', () => {
    const s = sent();
    expect(s.job).toMatchObject({ status: 'running', startedAt: 2000, target });
    expect(types(s)).toEqual(['save', 'send', 'timer']);
    expect(s.effects[1]).toEqual({
      type: 'send',
      body: { prompt: 'a cat', mode: 'fast', trace_id: 'trace-1' },
      delivery: 'stream',
    });
    const asyncJob = play(submitted(undefined, 'async'), { type: 'slot' }, 2000, {
      settings: { callbackUrl: 'https://hook' },
    });
    expect(asyncJob.effects[1]).toMatchObject({ body: { callback_url: 'https://hook' } });
    const streamJob = play(submitted(), { type: 'slot' }, 2000, {
      settings: { callbackUrl: 'https://hook' },
    });
    expect(streamJob.effects[1]).not.toHaveProperty('body.callback_url');
  });

  it('a slot for a job that is no longer queued does nothing', () => {
    const cancelled = play(submitted(), { type: 'cancel' });
    expect(types(play(cancelled, { type: 'slot' }))).toEqual([]);
  });

  it('lines update progress and preview, notify other tabs, and keep the task id', () => {
    const s = play(
      sent(),
      { type: 'line', response: { ...grid, progress: 40, actions: [] } },
      3000,
    );
    expect(s.job).toMatchObject({ progress: 40, taskId: 'task-1', lastNewsAt: 3000 });
    expect(s.job!.preview?.url).toBe('http://x/thumb.png');
    expect(s.effects).toEqual([
      { type: 'save' },
      { type: 'notify', previewUrl: 'http://x/thumb.png' },
    ]);
  });

  it('the final answer ends the job done, caches its image and ends the execution', () => {
    const s = play(sent(), { type: 'done', response: grid }, 3000);
    expect(s.job).toMatchObject({
      status: 'done',
      progress: 100,
      taskId: 'task-1',
      finishedAt: 3000,
    });
    expect(s.job!.result?.actions).toEqual(['upscale1', 'variation1']);
    expect(s.effects).toEqual([
      { type: 'save' },
      { type: 'cache', urls: ['http://x/raw.png'] },
      { type: 'end' },
    ]);
    expect(types(play(s, { type: 'line', response: { progress: 5 } }))).toEqual([]);
  });
});

describe('machine: failures at send', () => {
  it('another 4xx fails with the provider words; success:false fails as a task error', () => {
    const bad = play(sent(), {
      type: 'failed',
      error: {
        kind: 'http',
        status: 400,
        code: 'bad_request',
        message: 'Bad prompt',
        traceId: 'p-trace',
      },
    });
    expect(bad.job!.error).toEqual({
      kind: 'http',
      status: 400,
      code: 'bad_request',
      message: 'Bad prompt',
      traceId: 'p-trace',
    });
    const task = play(sent(), {
      type: 'failed',
      error: { kind: 'task', message: 'Banned', taskId: 't9' },
    });
    expect(task.job).toMatchObject({ status: 'failed', taskId: 't9', error: { kind: 'task' } });
  });

  it('a dropped stream is followed through tasks, at once when it ran a while', () => {
    const early = play(
      sent(),
      { type: 'failed', error: { kind: 'network', message: 'reset' } },
      2500,
    );
    expect(early.job!.status).toBe('running');
    expect(early.effects).toEqual([
      { type: 'clearTimer', timer: 'silence' },
      { type: 'timer', timer: 'poll', afterMs: 1000 },
    ]);
    const late = play(
      sent(),
      { type: 'failed', error: { kind: 'invalid', message: 'bad line' } },
      9000,
    );
    expect(timer(late)).toEqual({ type: 'timer', timer: 'poll', afterMs: 0 });
    const accepted = play(play(sent(), { type: 'accepted', taskId: 'a1' }), { type: 'dropped' });
    expect(accepted.job!.taskId).toBe('a1');
    expect(timer(accepted)).toMatchObject({ afterMs: 1000 });
  });
});

describe('machine: polling', () => {
  it('looks the task up by trace id, then by task id once known', () => {
    const s = polling();
    expect(s.effects).toEqual([{ type: 'lookup', key: { trace_id: 'trace-1' } }]);
    const found = play(s, { type: 'polled', task: task({ progress: 30 }) }, 5000);
    expect(found.job).toMatchObject({ taskId: 'task-1', progress: 30 });
    const next = play(found, { type: 'tick', timer: 'poll' });
    expect(next.effects).toEqual([{ type: 'lookup', key: { id: 'task-1' } }]);
  });

  it('a pending task whose latest line says success:true is not finished', () => {
    const s = play(polling(), {
      type: 'polled',
      task: task({ ...grid, progress: 60, actions: [] }),
    });
    expect(s.job).toMatchObject({ status: 'running', progress: 60 });
    expect(timer(s)).toEqual({ type: 'timer', timer: 'poll', afterMs: 1000 });
  });

  it('a pending task whose response has no success field shows its progress and preview (the other shape)', () => {
    const { success: _success, ...line } = { ...grid, progress: 40, actions: [] };
    const s = play(polling(), { type: 'polled', task: task(line) }, 5000);
    expect(s.job).toMatchObject({ status: 'running', progress: 40, lastNewsAt: 5000 });
    expect(s.job!.preview?.url).toBe('http://x/thumb.png');
    expect(timer(s)).toEqual({ type: 'timer', timer: 'poll', afterMs: 1000 });
    // The same task ended: its record has `success` and `finished_at`.
    const asked = play(s, { type: 'tick', timer: 'poll' }, 6000);
    const done = play(asked, { type: 'polled', task: task(grid, true) }, 6000);
    expect(done.job).toMatchObject({ status: 'done', progress: 100 });
  });

  it('a finished task ends the job done; a failed one with the provider words', () => {
    const done = play(polling(), { type: 'polled', task: task(grid, true) });
    expect(done.job!.status).toBe('done');
    expect(types(done)).toContain('end');
    const failed = play(polling(), {
      type: 'polled',
      task: task({ success: false, error: { code: 'banned', message: 'Banned word' } }, true),
    });
    expect(failed.job!.error).toMatchObject({
      kind: 'task',
      code: 'banned',
      message: 'Banned word',
    });
  });

  it('a trace id the service does not know, three times over, fails as never arrived', () => {
    let s = polling();
    for (let i = 1; i <= 2; i += 1) {
      s = play(s, { type: 'polled', task: null });
      expect(s.job!.status).toBe('running');
      expect(timer(s)).toMatchObject({ timer: 'poll' });
      s = play(s, { type: 'tick', timer: 'poll' });
    }
    s = play(s, { type: 'polled', task: null });
    expect(s.job).toMatchObject({
      status: 'failed',
      error: { kind: 'lost', reason: NEVER_ARRIVED_MESSAGE },
    });
  });

  it('a task id the service no longer knows fails at once', () => {
    const withTask = play(polling(), { type: 'polled', task: task({ progress: 10 }) });
    const s = play(play(withTask, { type: 'tick', timer: 'poll' }), { type: 'polled', task: null });
    expect(s.job!.error).toMatchObject({ kind: 'lost', reason: UNKNOWN_TASK_MESSAGE });
  });

  it('lookup errors: 429 waits Retry-After, 5xx backs off doubling, another 4xx fails', () => {
    const limited = play(polling(), {
      type: 'pollFailed',
      error: { kind: 'http', status: 429, message: 'Too many', retryAfterMs: 7000 },
    });
    expect(timer(limited)).toMatchObject({ afterMs: 7000 });
    let s = polling();
    const waits: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      s = play(s, { type: 'pollFailed', error: { kind: 'http', status: 503, message: 'busy' } });
      waits.push((timer(s) as { afterMs: number }).afterMs);
      s = play(s, { type: 'tick', timer: 'poll' });
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000]);
    const gone = play(polling(), {
      type: 'pollFailed',
      error: { kind: 'http', status: 403, message: 'used up' },
    });
    expect(gone.job).toMatchObject({ status: 'failed', error: { status: 403 } });
  });

  it('shows stalled after a long silence while polling, and comes back on news', () => {
    const quiet = play(polling(), { type: 'polled', task: task({ progress: 0 }) }, 4000 + 61_000);
    expect(quiet.job!.status).toBe('stalled');
    expect(types(quiet)).toContain('save');
    const back = play(play(quiet, { type: 'tick', timer: 'poll' }), {
      type: 'polled',
      task: task({ progress: 20 }),
    });
    expect(back.job).toMatchObject({ status: 'running', progress: 20 });
  });
});

describe('machine: silence while the call is open', () => {
  it('a quiet stream is checked through tasks before it is shown stalled', () => {
    const s = sent();
    expect(timer(s)).toEqual({ type: 'timer', timer: 'silence', afterMs: 60_000 });
    // News pushed the deadline: the tick re-arms for the rest.
    const line = play(s, { type: 'line', response: { progress: 10 } }, 30_000);
    const early = play(line, { type: 'tick', timer: 'silence' }, 62_000);
    expect(early.effects).toEqual([{ type: 'timer', timer: 'silence', afterMs: 28_000 }]);
    const due = play(early, { type: 'tick', timer: 'silence' }, 90_000);
    expect(due.effects).toEqual([{ type: 'lookup', key: { trace_id: 'trace-1' } }]);
    const same = play(due, { type: 'polled', task: task({ progress: 10 }) }, 90_100);
    expect(same.job!.status).toBe('stalled');
    expect(same.effects).toEqual([
      { type: 'save' },
      { type: 'save' },
      { type: 'timer', timer: 'silence', afterMs: 10_000 },
    ]);
  });

  it('stalled → check again → still stalled; check again → done (the open call is ended)', () => {
    const due = play(play(sent(), { type: 'tick', timer: 'silence' }, 70_000), {
      type: 'polled',
      task: task({ progress: 0 }),
    });
    expect(due.job!.status).toBe('stalled');
    const check = play(due, { type: 'checkAgain' }, 71_000);
    expect(types(check)).toEqual(['clearTimer', 'lookup']);
    const still = play(check, { type: 'polled', task: task({ progress: 0 }) }, 71_100);
    expect(still.job!.status).toBe('stalled');
    const again = play(still, { type: 'checkAgain' }, 72_000);
    const done = play(again, { type: 'polled', task: task(grid, true) }, 72_100);
    expect(done.job!.status).toBe('done');
    expect(types(done)).toEqual(['save', 'cache', 'end']);
  });

  it('a check the person asked for says what it found and when; automatic lookups say nothing', () => {
    const due = play(play(sent(), { type: 'tick', timer: 'silence' }, 70_000), {
      type: 'polled',
      task: task({ progress: 0 }),
    });
    expect(due.job!.checked).toBeUndefined();
    const check = play(due, { type: 'checkAgain' }, 71_000);
    const still = play(check, { type: 'polled', task: task({ progress: 0 }) }, 71_100);
    expect(still.job!.checked).toEqual({ at: 71_100, found: 'nothing' });
    expect(still.run.asked).toBe(false);
    // Not saved: it is news about this moment, not about the job.
    expect(types(still)).not.toContain('save');
    const later = play(still, { type: 'tick', timer: 'silence' }, 81_100);
    const auto = play(later, { type: 'pollFailed', error: { kind: 'network', message: 'x' } });
    expect(auto.job!.checked).toEqual({ at: 71_100, found: 'nothing' });
    const asked = play(auto, { type: 'checkAgain' }, 90_000);
    const down = play(asked, {
      type: 'pollFailed',
      error: { kind: 'network', message: 'Failed to fetch' },
    });
    expect(down.job!.checked).toEqual({
      at: 90_000,
      found: 'unreachable',
      message: 'Failed to fetch',
    });
  });

  it('check again during a lookup looks again as soon as it returns', () => {
    const due = play(sent(), { type: 'tick', timer: 'silence' }, 70_000);
    const asked = play(due, { type: 'checkAgain' });
    expect(asked.effects).toEqual([]);
    const back = play(asked, { type: 'polled', task: task({ progress: 0 }) });
    expect(types(back)).toContain('lookup');
  });

  it('the task id the call gave is unknown to the service: fails while the call is open', () => {
    const withTask = play(sent(), { type: 'accepted', taskId: 't-1' });
    const due = play(withTask, { type: 'tick', timer: 'silence' }, 70_000);
    const s = play(due, { type: 'polled', task: null });
    expect(s.job!.error?.reason).toEqual(UNKNOWN_TASK_MESSAGE);
    expect(types(s)).toEqual(['save', 'end']);
  });
});

describe('machine: the person’s commands', () => {
  it('cancel before send: nothing was charged; after send: the service may still finish', () => {
    const before = play(submitted(), { type: 'cancel' });
    expect(before.job).toMatchObject({ status: 'cancelled', note: CANCELLED_BEFORE_SEND_NOTE });
    expect(types(before)).toEqual(['save', 'dequeue', 'end']);
    const after = play(sent(), { type: 'cancel' });
    expect(after.job).toMatchObject({ status: 'cancelled', note: CANCELLED_AFTER_SEND_NOTE });
    expect(types(play(after, { type: 'cancel' }))).toEqual([]);
  });

  it('retry: fresh trace id, one more attempt, current Settings, nothing from the stored request', () => {
    const failed = play(sent(), {
      type: 'failed',
      error: { kind: 'http', status: 500, message: 'x' },
    });
    const stored = {
      ...failed,
      job: {
        ...failed.job!,
        delivery: 'async' as const,
        request: {
          prompt: 'a cat',
          mode: 'turbo',
          callback_url: 'https://attacker.example/hook',
          sneaky: 1,
        } as Job['request'],
      },
    };
    const s = play(stored, { type: 'retry', traceId: 'trace-2' }, 9000, {
      settings: { delivery: 'wait', mode: 'relax' },
    });
    expect(s.job).toMatchObject({
      status: 'queued',
      traceId: 'trace-2',
      attempts: 2,
      delivery: 'wait',
    });
    expect(s.job!.request).toEqual({ prompt: 'a cat', mode: 'relax' });
    expect(say(s.job!.note, i18n)).toContain('sneaky');
    expect(s.job).not.toHaveProperty('error');
    expect(types(s)).toEqual(['end', 'save', 'enqueue']);
    const resent = play(s, { type: 'slot' }, 9500, {
      settings: { delivery: 'wait', mode: 'relax' },
    });
    expect(JSON.stringify(resent.effects)).not.toContain('attacker');
    expect(
      types(play(play(sent(), { type: 'done', response: grid }), { type: 'retry', traceId: 'z' })),
    ).toEqual([]);
  });

  it('check again on a failed job that the service is still running brings it back', () => {
    const failed = play(polling(), {
      type: 'pollFailed',
      error: { kind: 'http', status: 400, message: 'x' },
    });
    const idle = { ...failed, run: idleRun(tuning) };
    const check = play(idle, { type: 'checkAgain' });
    expect(check.run.phase).toBe('checking');
    expect(types(check)).toEqual(['lookup']);
    const alive = play(check, { type: 'polled', task: task({ progress: 50 }) });
    expect(alive.job).toMatchObject({ status: 'running', progress: 50 });
    expect(alive.job).not.toHaveProperty('error');
    expect(alive.run.phase).toBe('polling');
    const unknown = play(check, { type: 'polled', task: null });
    expect(unknown.job).toMatchObject({
      status: 'failed',
      note: { code: 'job.no-record' },
    });
  });
});

describe('machine: recovery', () => {
  it('a job queued on disk is looked up first and sent only when the service does not know it', () => {
    const queued = submitted().job!;
    const s = play(start, { type: 'adopted', stored: queued }, 50_000);
    expect(s.effects).toEqual([{ type: 'lookup', key: { trace_id: 'trace-1' } }]);
    expect(play(s, { type: 'polled', task: null }).effects).toEqual([
      { type: 'end' },
      { type: 'enqueue' },
    ]);
    const found = play(s, { type: 'polled', task: task({ progress: 40 }) });
    expect(found.job).toMatchObject({ status: 'running', progress: 40 });
  });

  it('a running job is looked up, never resent; a finished one is left alone', () => {
    const running = sent().job!;
    const s = play(start, { type: 'adopted', stored: running }, 50_000);
    expect(s.job!.lastNewsAt).toBe(50_000);
    expect(s.effects).toEqual([{ type: 'lookup', key: { trace_id: 'trace-1' } }]);
    const done = play(sent(), { type: 'done', response: grid }).job!;
    expect(play(start, { type: 'adopted', stored: done }).effects).toEqual([]);
  });

  it('a kind without task records cannot be looked up: a lost answer says so', () => {
    const waitOnly: JobKind = {
      ...imagineKind,
      name: 'waitonly',
      deliveries: ['wait'],
      tasks: false,
    };
    const opts = { kind: waitOnly };
    const q = play(
      start,
      { type: 'submitted', id: 'j', traceId: 't', kind: 'waitonly', request: {} },
      1,
      opts,
    );
    expect(q.job!.delivery).toBe('wait');
    const s = play(q, { type: 'slot' }, 2, opts);
    const dropped = play(
      s,
      { type: 'failed', error: { kind: 'network', message: 'reset' } },
      3,
      opts,
    );
    expect(dropped.job).toMatchObject({ status: 'failed', error: { kind: 'network' } });
    const adopted = play(start, { type: 'adopted', stored: s.job! }, 4, opts);
    expect(adopted.job!.error?.reason).toEqual(NO_LOOKUP_MESSAGE);
  });
});
