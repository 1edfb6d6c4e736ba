import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Delivery } from '../../api/client-config';
import {
  finalBody,
  gate,
  progressBody,
  sendJson,
  startStream,
  taskRecord,
  writeLine,
  type FakeImagineServer,
} from '../../api/fixtures/fake-imagine-server';
import type { Job } from '../job';
import {
  createPersistence,
  openStudioDb,
  type Persistence,
} from '../../storage/persistence/persistence';
import {
  CANCELLED_AFTER_SEND_NOTE,
  CANCELLED_BEFORE_SEND_NOTE,
  NEVER_ARRIVED_MESSAGE,
  UNKNOWN_TASK_MESSAGE,
} from '../machine/types';
import type { Runner, RunnerDeps } from './ports';
import { createTabLocks, type WebLocks } from '../../storage/tab-sync/locks';
import { createJobsStore, type JobsStore } from '../store';
import { testSink } from '../fixtures/store-sink';
import { testRunners } from '../fixtures/test-runner';

const TOKEN = 'sk-test-SECRET-token-7f3a9c';

/**
 * Time runs SCALE× faster for the runner: `now` and `sleep` are both dilated, so a 1 s poll gap
 * takes 20 ms of real time while every interval the runner computes stays consistent.
 */
const SCALE = 50;

function fastClock() {
  const t0 = Date.now();
  const sleeps: number[] = [];
  return {
    now: () => t0 + (Date.now() - t0) * SCALE,
    sleeps,
    sleep: (ms: number, signal: AbortSignal) =>
      new Promise<void>((resolve) => {
        sleeps.push(ms);
        if (signal.aborted) return resolve();
        const timer = setTimeout(resolve, ms / SCALE);
        signal.addEventListener(
          'abort',
          () => {
            clearTimeout(timer);
            resolve();
          },
          { once: true },
        );
      }),
  };
}

/** Resolves with the job once `pred` holds; rejects with its last state after `ms` real time. */
function waitForJob(
  store: JobsStore,
  id: string,
  pred: (job: Job) => boolean,
  ms = 5000,
): Promise<Job> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const job = store.getState().byId[id];
      if (job && pred(job)) {
        unsubscribe();
        clearTimeout(timer);
        resolve(job);
      }
    };
    const unsubscribe = store.subscribe(check);
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`job never matched; last: ${JSON.stringify(store.getState().byId[id])}`));
    }, ms);
    check();
  });
}

/** Resolves when `pred` holds, checking every few ms (for server-side and on-disk facts). */
async function until(
  pred: () => boolean | Promise<boolean>,
  what: string,
  ms = 5000,
): Promise<void> {
  const end = Date.now() + ms;
  while (!(await pred())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** An in-process Web Locks stand-in shared by simulated tabs (exclusive locks, FIFO waiters). */
function sharedLocks(): WebLocks {
  const taken = new Set<string>();
  const waiters = new Map<string, (() => void)[]>();
  const handOver = (name: string) => {
    const next = waiters.get(name)?.shift();
    if (next) next();
    else taken.delete(name);
  };
  return {
    async request(name, options, callback) {
      if (taken.has(name)) {
        if (options.ifAvailable) return callback(null);
        await new Promise<void>((resolve, reject) => {
          const list = waiters.get(name) ?? [];
          const grant = () => resolve();
          list.push(grant);
          waiters.set(name, list);
          options.signal?.addEventListener('abort', () => {
            const at = list.indexOf(grant);
            if (at >= 0) list.splice(at, 1);
            reject(new DOMException('Aborted', 'AbortError'));
          });
        });
      } else {
        taken.add(name);
      }
      try {
        return await callback({ name });
      } finally {
        handOver(name);
      }
    },
  };
}

const runners = testRunners('runner-test');
const { fake, newDb } = runners;

interface Tab {
  store: JobsStore;
  persistence: Persistence;
  runner: Runner;
  clock: ReturnType<typeof fastClock>;
}

function openTab(
  server: FakeImagineServer,
  dbName: string,
  opts: Partial<RunnerDeps> & { delivery?: Delivery; callbackUrl?: string } = {},
): Tab {
  const clock = fastClock();
  const tab = runners.openTab(server, {
    dbName,
    persistenceOptions: { now: clock.now },
    token: TOKEN,
    now: clock.now,
    sleep: clock.sleep,
    // Dilated time turns a slow CI moment into minutes; only the stall test wants stalls.
    stallAfterMs: 600_000,
    ...opts,
  });
  return { ...tab, clock };
}

const imagineCalls = (s: FakeImagineServer) =>
  s.requests.filter((r) => r.path === '/midjourney/imagine');
const taskCalls = (s: FakeImagineServer) =>
  s.requests.filter((r) => r.path === '/midjourney/tasks');

describe('runner: stream delivery', () => {
  it('updates progress and preview per line and ends done with the final image', async () => {
    const server = await fake();
    const dbName = newDb();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5]);
    server.files.set('/img/t-happy.png', { type: 'image/png', bytes: png });
    let recordAtSend: unknown;
    server.onImagine = async ({ res, body }) => {
      // What was on disk when the request arrived: the job must already be findable.
      const db = await openStudioDb(dbName);
      recordAtSend = (await db.getAll('jobs')).find((j) => j.traceId === body.trace_id);
      db.close();
      startStream(res);
      for (const p of [20, 55, 80]) {
        writeLine(res, progressBody(server.url, 't-happy', p));
        await new Promise((r) => setTimeout(r, 5));
      }
      writeLine(res, finalBody(server.url, 't-happy'));
      res.end();
    };
    const tab = openTab(server, dbName);
    const seen: { progress: number; preview?: string }[] = [];
    tab.store.subscribe((s) => {
      const job = Object.values(s.byId)[0];
      if (job)
        seen.push({ progress: job.progress, ...(job.preview ? { preview: job.preview.url } : {}) });
    });

    const id = tab.runner.submit({ prompt: 'a volcano --ar 1:1' });
    const job = await waitForJob(tab.store, id, (j) => j.status === 'done');

    expect(seen.map((s) => s.progress)).toEqual(expect.arrayContaining([20, 55, 80, 100]));
    expect(seen.some((s) => s.preview === `${server.url}/preview/t-happy_55.webp`)).toBe(true);
    expect(job.progress).toBe(100);
    expect(job.preview).toBeUndefined();
    expect(job.taskId).toBe('t-happy');
    expect(job.result?.image_url).toBe(`${server.url}/img/t-happy_thumb.png`);
    expect(job.result?.raw_image_url).toBe(`${server.url}/img/t-happy.png`);
    expect(job.result?.actions).toContain('upscale1');
    expect(job.result?.raw_image_width).toBe(2048);

    const sent = imagineCalls(server)[0]!;
    expect(sent.headers.accept).toBe('application/x-ndjson');
    expect(sent.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(sent.body).toMatchObject({
      prompt: 'a volcano --ar 1:1',
      mode: 'fast',
      trace_id: job.traceId,
    });
    expect(recordAtSend).toMatchObject({ id, traceId: job.traceId });

    // Persisted final state, without any intermediate URL.
    await until(async () => (await tab.persistence.getJob(id))?.status === 'done', 'saved');
    const stored = await tab.persistence.getJob(id);
    expect(stored).toMatchObject({ status: 'done', taskId: 't-happy', progress: 100 });
    expect(JSON.stringify(stored)).not.toContain('/preview/');

    // The final image is cached: its object URL serves the server's bytes.
    let url = '';
    await until(async () => {
      url = (await tab.persistence.imageUrlFor(job)) ?? '';
      return url.startsWith('blob:');
    }, 'cached image');
    const { resolveObjectURL } = await import('node:buffer');
    const bytes = new Uint8Array(await resolveObjectURL(url)!.arrayBuffer());
    expect([...bytes]).toEqual([...png]);
  });

  it('switches to polling by task id when the stream drops mid-way', async () => {
    const server = await fake();
    server.onImagine = ({ res, body }) => {
      server.tasks.set(
        't-drop',
        taskRecord(
          't-drop',
          body.trace_id as string,
          progressBody(server.url, 't-drop', 70),
          false,
        ),
      );
      startStream(res);
      writeLine(res, progressBody(server.url, 't-drop', 20));
      writeLine(res, progressBody(server.url, 't-drop', 45));
      setTimeout(() => res.socket?.destroy(), 20);
    };
    let polls = 0;
    server.onRetrieve = () => {
      polls += 1;
      if (polls === 2) {
        const t = server.tasks.get('t-drop')!;
        server.tasks.set('t-drop', {
          ...t,
          response: finalBody(server.url, 't-drop'),
          finished_at: 1,
        });
      }
      return undefined;
    };
    const tab = openTab(server, newDb());
    const progress: number[] = [];
    tab.store.subscribe((s) => progress.push(Object.values(s.byId)[0]?.progress ?? -1));

    const id = tab.runner.submit({ prompt: 'x' });
    const job = await waitForJob(tab.store, id, (j) => j.status === 'done');

    expect(job.result?.image_id).toBe('img-t-drop');
    expect(progress).toEqual(expect.arrayContaining([20, 45, 70, 100]));
    expect(taskCalls(server).map((r) => r.body)).toEqual([
      { action: 'retrieve', id: 't-drop' },
      { action: 'retrieve', id: 't-drop' },
    ]);
    expect(imagineCalls(server)).toHaveLength(1);
  });

  it('treats a malformed line like a drop: polls the task to done', async () => {
    const server = await fake();
    server.onImagine = ({ res, body }) => {
      server.tasks.set(
        't-garbled',
        taskRecord('t-garbled', body.trace_id as string, finalBody(server.url, 't-garbled'), true),
      );
      startStream(res);
      writeLine(res, progressBody(server.url, 't-garbled', 25));
      res.write('{"progress": 50, "image_url": \n');
      res.end();
    };
    const tab = openTab(server, newDb());
    const id = tab.runner.submit({ prompt: 'x' });
    const job = await waitForJob(tab.store, id, (j) => j.status === 'done');
    expect(job.result?.image_id).toBe('img-t-garbled');
    expect(taskCalls(server).map((r) => r.body)).toEqual([{ action: 'retrieve', id: 't-garbled' }]);
  });

  it('wait delivery: one JSON body ends the job', async () => {
    const server = await fake();
    server.onImagine = ({ res }) => sendJson(res, 200, finalBody(server.url, 't-wait'));
    const tab = openTab(server, newDb(), { delivery: 'wait' });
    const id = tab.runner.submit({ prompt: 'x' });
    const job = await waitForJob(tab.store, id, (j) => j.status === 'done');
    expect(imagineCalls(server)[0]!.headers.accept).toBe('application/json');
    expect(job).toMatchObject({ delivery: 'wait', taskId: 't-wait', progress: 100 });
  });

  it('looks the task up by trace_id when the stream died before the task id arrived', async () => {
    const server = await fake();
    server.onImagine = ({ res, body }) => {
      server.tasks.set(
        't-trace',
        taskRecord('t-trace', body.trace_id as string, finalBody(server.url, 't-trace'), true),
      );
      startStream(res);
      setTimeout(() => res.socket?.destroy(), 10);
    };
    const tab = openTab(server, newDb());
    const id = tab.runner.submit({ prompt: 'x' });
    const job = await waitForJob(tab.store, id, (j) => j.status === 'done');

    expect(taskCalls(server)[0]!.body).toEqual({ action: 'retrieve', trace_id: job.traceId });
    expect(job.taskId).toBe('t-trace');
    expect((await tab.persistence.getJob(id))?.taskId).toBe('t-trace');
  });

  it('fails with the clear message when no task carries the trace id', async () => {
    const server = await fake();
    server.onImagine = ({ res }) => {
      startStream(res);
      setTimeout(() => res.socket?.destroy(), 10);
    };
    const tab = openTab(server, newDb());
    const id = tab.runner.submit({ prompt: 'x' });
    const job = await waitForJob(tab.store, id, (j) => j.status === 'failed');
    expect(job.error).toMatchObject({ kind: 'lost', reason: NEVER_ARRIVED_MESSAGE });
    expect(taskCalls(server).length).toBe(3);
    expect(imagineCalls(server)).toHaveLength(1);
  });

  it('fails with the provider code and message word for word on success:false', async () => {
    const server = await fake();
    const message = 'Unrecognized argument(s): `-c`, `x`';
    server.onImagine = ({ res }) => {
      startStream(res);
      writeLine(res, { success: false, task_id: 't-bad', error: { code: 'bad_request', message } });
      res.end();
    };
    const tab = openTab(server, newDb());
    const id = tab.runner.submit({ prompt: 'cat -c x' });
    const job = await waitForJob(tab.store, id, (j) => j.status === 'failed');
    expect(job.error).toMatchObject({ kind: 'task', code: 'bad_request', message });
    expect((await tab.persistence.getJob(id))?.error?.message).toBe(message);
  });

  it('fails at once on 4xx and 5xx at submit; a 429 waits Retry-After and is sent again', async () => {
    const server = await fake();
    const replies = [
      {
        status: 403,
        body: { error: { code: 'used_up', message: 'Your balance is not sufficient' } },
      },
      {
        status: 429,
        body: {
          error: { code: 'too_many_requests', message: 'You have exceeded the rate limit.' },
        },
      },
      { status: 200, body: finalBody(server.url, 't-after-429') },
      { status: 500, body: { error: { code: 'api_error', message: 'Internal server error.' } } },
    ];
    let n = 0;
    server.onImagine = ({ res }) => {
      const reply = replies[n++]!;
      sendJson(res, reply.status, reply.body, { 'retry-after': '7' });
    };
    const tab = openTab(server, newDb(), { maxInFlight: 1, delivery: 'wait' });
    const ids = [0, 1, 2].map(() => tab.runner.submit({ prompt: 'x' }));
    const jobs = await Promise.all(
      ids.map((id) =>
        waitForJob(tab.store, id, (j) => j.status === 'failed' || j.status === 'done'),
      ),
    );

    expect(jobs.map((j) => [j.status, j.error?.status, j.error?.code])).toEqual([
      ['failed', 403, 'used_up'],
      ['done', undefined, undefined],
      ['failed', 500, 'api_error'],
    ]);
    // The 429's job waited the 7 s the service asked for (holding its slot), then went again
    // with the same trace id; nothing else was sent twice.
    expect(tab.clock.sleeps).toContain(7000);
    const calls = imagineCalls(server);
    expect(calls).toHaveLength(4);
    expect(calls[2]!.body.trace_id).toBe(calls[1]!.body.trace_id);
    expect(taskCalls(server)).toHaveLength(0);
  });
});

describe('runner: async delivery', () => {
  it('polls the task after accepted, showing its progress, at most once a second', async () => {
    const server = await fake();
    server.onImagine = ({ res, body }) => {
      server.tasks.set('t-async', taskRecord('t-async', body.trace_id as string, null, false));
      sendJson(res, 200, { success: true, task_id: 't-async' });
    };
    const script = [30, 80];
    server.onRetrieve = () => {
      const p = script.shift();
      const t = server.tasks.get('t-async')!;
      server.tasks.set(
        't-async',
        p === undefined
          ? { ...t, response: finalBody(server.url, 't-async'), finished_at: 2 }
          : taskRecord('t-async', t.trace_id, progressBody(server.url, 't-async', p), false),
      );
      return undefined;
    };
    const tab = openTab(server, newDb(), {
      delivery: 'async',
      callbackUrl: 'https://hook.example/cb',
    });
    const progress: number[] = [];
    tab.store.subscribe((s) => progress.push(Object.values(s.byId)[0]?.progress ?? -1));

    const id = tab.runner.submit({ prompt: 'x' });
    const job = await waitForJob(tab.store, id, (j) => j.status === 'done');

    expect(imagineCalls(server)[0]!.body).toMatchObject({
      async: true,
      callback_url: 'https://hook.example/cb',
      trace_id: job.traceId,
    });
    expect(job.request.callback_url).toBeUndefined();
    expect(progress).toEqual(expect.arrayContaining([30, 80, 100]));
    const polls = taskCalls(server);
    expect(polls).toHaveLength(3);
    // Every wait before a poll was at least a second (virtual time).
    for (let i = 1; i < polls.length; i += 1) {
      expect((polls[i]!.at - polls[i - 1]!.at) * SCALE).toBeGreaterThanOrEqual(950);
    }
  });

  it('honours Retry-After on a 429 while polling', async () => {
    const server = await fake();
    server.onImagine = ({ res, body }) => {
      server.tasks.set(
        't-429',
        taskRecord('t-429', body.trace_id as string, finalBody(server.url, 't-429'), true),
      );
      sendJson(res, 200, { task_id: 't-429' });
    };
    let polls = 0;
    server.onRetrieve = () => {
      polls += 1;
      return polls === 1
        ? {
            status: 429,
            body: {
              error: { code: 'too_many_requests', message: 'You have exceeded the rate limit.' },
            },
            headers: { 'retry-after': '7' },
          }
        : undefined;
    };
    const tab = openTab(server, newDb(), { delivery: 'async' });
    const id = tab.runner.submit({ prompt: 'x' });
    await waitForJob(tab.store, id, (j) => j.status === 'done');

    const [first, second] = taskCalls(server);
    expect(tab.clock.sleeps).toContain(7000);
    expect((second!.at - first!.at) * SCALE).toBeGreaterThanOrEqual(6900);
  });

  it('fails with the provider text when the polled task failed', async () => {
    const server = await fake();
    server.onImagine = ({ res, body }) => {
      server.tasks.set(
        't-f',
        taskRecord(
          't-f',
          body.trace_id as string,
          {
            success: false,
            task_id: 't-f',
            error: {
              code: 'forbidden',
              message:
                'Sorry! Our Al moderators feel your prompt might be against our community standards.',
            },
          },
          true,
        ),
      );
      sendJson(res, 200, { task_id: 't-f' });
    };
    const tab = openTab(server, newDb(), { delivery: 'async' });
    const id = tab.runner.submit({ prompt: 'x' });
    const job = await waitForJob(tab.store, id, (j) => j.status === 'failed');
    expect(job.error).toMatchObject({
      kind: 'task',
      code: 'forbidden',
      message:
        'Sorry! Our Al moderators feel your prompt might be against our community standards.',
    });
  });
});

describe('runner: queue, cancel, retry', () => {
  it('runs at most maxInFlight jobs and queues the rest visibly', async () => {
    const server = await fake();
    const gates = new Map<string, () => void>();
    let open = 0;
    let maxOpen = 0;
    server.onImagine = async ({ res, body }) => {
      const taskId = `t-q-${String(body.prompt)}`;
      open += 1;
      maxOpen = Math.max(maxOpen, open);
      startStream(res);
      writeLine(res, progressBody(server.url, taskId, 10));
      const g = gate();
      gates.set(String(body.prompt), g.open);
      await g.promise;
      writeLine(res, finalBody(server.url, taskId));
      open -= 1;
      res.end();
    };
    const tab = openTab(server, newDb(), { maxInFlight: 3 });
    const ids = ['a', 'b', 'c', 'd'].map((p) => tab.runner.submit({ prompt: p }));
    await until(() => gates.size === 3, 'three requests');
    await Promise.all(
      ids.slice(0, 3).map((id) => waitForJob(tab.store, id, (j) => j.progress === 10)),
    );

    const statuses = ids.map((id) => tab.store.getState().byId[id]!.status);
    expect(statuses).toEqual(['running', 'running', 'running', 'queued']);
    expect(imagineCalls(server).map((r) => r.body.prompt)).toEqual(['a', 'b', 'c']);
    // Newest first in the feed.
    expect(tab.store.getState().order).toEqual([...ids].reverse());

    gates.get('a')!();
    await waitForJob(tab.store, ids[3]!, (j) => j.status === 'running');
    for (const p of ['b', 'c']) gates.get(p)!();
    await until(() => gates.has('d'), 'fourth request');
    gates.get('d')!();
    await Promise.all(ids.map((id) => waitForJob(tab.store, id, (j) => j.status === 'done')));
    expect(maxOpen).toBe(3);
  });

  it('cancels a running job (closing its request) and a queued one (never sent)', async () => {
    const server = await fake();
    server.onImagine = async ({ res, body }) => {
      startStream(res);
      writeLine(res, progressBody(server.url, `t-c-${String(body.prompt)}`, 30));
      await new Promise(() => {}); // holds until the client goes away
    };
    const tab = openTab(server, newDb(), { maxInFlight: 1 });
    const running = tab.runner.submit({ prompt: 'one' });
    const queued = tab.runner.submit({ prompt: 'two' });
    await waitForJob(tab.store, running, (j) => j.progress === 30);

    expect(tab.runner.cancel(queued)).toBe(true);
    expect(tab.runner.cancel(running)).toBe(true);
    const a = tab.store.getState().byId[running]!;
    const b = tab.store.getState().byId[queued]!;
    expect([a.status, a.note]).toEqual(['cancelled', CANCELLED_AFTER_SEND_NOTE]);
    expect([b.status, b.note]).toEqual(['cancelled', CANCELLED_BEFORE_SEND_NOTE]);

    await server.calls[0]!.closed;
    expect(server.calls[0]!.abandoned).toBe(true);
    expect(imagineCalls(server).map((r) => r.body.prompt)).toEqual(['one']);
    await until(
      async () => (await tab.persistence.getJob(running))?.status === 'cancelled',
      'saved',
    );
    expect((await tab.persistence.getJob(running))?.note).toEqual(CANCELLED_AFTER_SEND_NOTE);
    expect((await tab.persistence.getJob(queued))?.status).toBe('cancelled');
    expect(tab.runner.cancel(running)).toBe(false);
  });

  it('retries a failed job with a fresh trace id and one more attempt', async () => {
    const server = await fake();
    let n = 0;
    server.onImagine = ({ res, body }) => {
      n += 1;
      if (n === 1)
        return sendJson(res, 500, { error: { code: 'api_error', message: 'fetch failed' } });
      startStream(res);
      writeLine(res, { ...finalBody(server.url, 't-retry'), trace_id: body.trace_id });
      res.end();
    };
    const tab = openTab(server, newDb());
    const id = tab.runner.submit({ prompt: 'x' });
    const failed = await waitForJob(tab.store, id, (j) => j.status === 'failed');
    expect(failed.error?.message).toBe('fetch failed');

    expect(tab.runner.retry(id)).toBe(true);
    const done = await waitForJob(tab.store, id, (j) => j.status === 'done');
    expect(done.attempts).toBe(2);
    expect(done.traceId).not.toBe(failed.traceId);
    expect(done.error).toBeUndefined();
    expect(imagineCalls(server).map((r) => r.body.trace_id)).toEqual([
      failed.traceId,
      done.traceId,
    ]);
    expect(tab.runner.retry(id)).toBe(false);
  });
});

describe('runner: stalls and reloads', () => {
  it('reconciles a quiet stream through tasks, marks it stalled, and checkAgain settles it', async () => {
    const server = await fake();
    server.onImagine = async ({ res, body }) => {
      server.tasks.set(
        't-stall',
        taskRecord(
          't-stall',
          body.trace_id as string,
          progressBody(server.url, 't-stall', 40),
          false,
        ),
      );
      startStream(res);
      writeLine(res, progressBody(server.url, 't-stall', 40));
      await new Promise(() => {}); // silent from here on
    };
    // Slow stalled polling (10 min virtual = 12 s real) so only checkAgain can finish in time.
    const tab = openTab(server, newDb(), {
      stallAfterMs: 5000,
      // Stalled only once the service's own timeout is over too (480 s; 20 s here).
      serviceTimeoutMs: 20_000,
      stalledPollIntervalMs: 600_000,
    });
    const id = tab.runner.submit({ prompt: 'x' });
    const stalled = await waitForJob(tab.store, id, (j) => j.status === 'stalled');
    expect(stalled.progress).toBe(40);
    // Looked up when the silence began (still "running" then) and when the timeout ended.
    expect(taskCalls(server).map((r) => r.body)).toEqual([
      { action: 'retrieve', id: 't-stall' },
      { action: 'retrieve', id: 't-stall' },
    ]);
    await until(async () => (await tab.persistence.getJob(id))?.status === 'stalled', 'saved');

    const t = server.tasks.get('t-stall')!;
    server.tasks.set('t-stall', {
      ...t,
      response: finalBody(server.url, 't-stall'),
      finished_at: 3,
    });
    expect(tab.runner.checkAgain(id)).toBe(true);
    const done = await waitForJob(tab.store, id, (j) => j.status === 'done', 3000);
    expect(done.result?.image_id).toBe('img-t-stall');
    await server.calls[0]!.closed;
    expect(server.calls[0]!.abandoned).toBe(true);
  });

  it('resumeAll after a reload polls the task to done without resending it', async () => {
    const server = await fake();
    const dbName = newDb();
    server.onImagine = async ({ res, body }) => {
      server.tasks.set(
        't-reload',
        taskRecord(
          't-reload',
          body.trace_id as string,
          progressBody(server.url, 't-reload', 30),
          false,
        ),
      );
      startStream(res);
      writeLine(res, progressBody(server.url, 't-reload', 30));
      await new Promise(() => {});
    };
    const first = openTab(server, dbName);
    const id = first.runner.submit({ prompt: 'survive a reload' });
    await waitForJob(first.store, id, (j) => j.taskId === 't-reload');
    // The task id is on disk as soon as it is known (not only at the end).
    await until(async () => (await first.persistence.getJob(id))?.taskId === 't-reload', 'saved');
    // The tab goes away.
    first.runner.dispose();
    first.persistence.close();
    await server.calls[0]!.closed;

    const t = server.tasks.get('t-reload')!;
    server.tasks.set('t-reload', {
      ...t,
      response: finalBody(server.url, 't-reload'),
      finished_at: 4,
    });
    const second = openTab(server, dbName);
    await second.runner.resumeAll();
    const job = await waitForJob(second.store, id, (j) => j.status === 'done');
    expect(job.request.prompt).toBe('survive a reload');
    expect(job.result?.image_id).toBe('img-t-reload');
    expect(imagineCalls(server)).toHaveLength(1);
    await until(async () => (await second.persistence.getJob(id))?.status === 'done', 'saved');
  });

  it('after a reload, a task the service forgot fails with the clear message', async () => {
    const server = await fake();
    const dbName = newDb();
    server.onImagine = async ({ res, body }) => {
      server.tasks.set('t-gone', taskRecord('t-gone', body.trace_id as string, null, false));
      startStream(res);
      writeLine(res, progressBody(server.url, 't-gone', 15));
      await new Promise(() => {});
    };
    const first = openTab(server, dbName);
    const id = first.runner.submit({ prompt: 'x' });
    await waitForJob(first.store, id, (j) => j.taskId === 't-gone');
    await until(async () => (await first.persistence.getJob(id))?.taskId === 't-gone', 'saved');
    first.runner.dispose();
    first.persistence.close();

    server.tasks.clear(); // the engine restarted
    const second = openTab(server, dbName);
    await second.runner.resumeAll();
    const job = await waitForJob(second.store, id, (j) => j.status === 'failed');
    expect(job.error).toMatchObject({ kind: 'lost', reason: UNKNOWN_TASK_MESSAGE });
    expect(imagineCalls(server)).toHaveLength(1);
  });

  it('resumeAll sends a job that was still queued and unknown to the service', async () => {
    const server = await fake();
    const dbName = newDb();
    server.onImagine = ({ res, body }) => {
      startStream(res);
      writeLine(res, { ...finalBody(server.url, 't-late'), trace_id: body.trace_id });
      res.end();
    };
    const seed = createPersistence({ dbName, sink: testSink(createJobsStore()) });
    const queued: Job = {
      id: 'queued-1',
      traceId: 'trace-queued-1',
      request: { prompt: 'waited in line', mode: 'relax' },
      delivery: 'stream',
      status: 'queued',
      progress: 0,
      createdAt: 1000,
      updatedAt: 1000,
      attempts: 1,
    };
    await seed.saveJob(queued);
    seed.close();

    const tab = openTab(server, dbName);
    await tab.runner.resumeAll();
    const job = await waitForJob(tab.store, 'queued-1', (j) => j.status === 'done');
    expect(taskCalls(server)[0]!.body).toEqual({ action: 'retrieve', trace_id: 'trace-queued-1' });
    expect(imagineCalls(server).map((r) => r.body)).toEqual([
      { prompt: 'waited in line', mode: 'relax', trace_id: 'trace-queued-1' },
    ]);
    expect(job.taskId).toBe('t-late');
  });

  it('a second tab shows the first tab’s job, leaves it alone, and adopts it when orphaned', async () => {
    const server = await fake();
    const dbName = newDb();
    const locks = sharedLocks();
    server.onImagine = async ({ res, body }) => {
      server.tasks.set(
        't-tabs',
        taskRecord(
          't-tabs',
          body.trace_id as string,
          progressBody(server.url, 't-tabs', 35),
          false,
        ),
      );
      startStream(res);
      writeLine(res, progressBody(server.url, 't-tabs', 35));
      await new Promise(() => {});
    };
    const a = openTab(server, dbName, { locks: createTabLocks(locks) });
    const b = openTab(server, dbName, { locks: createTabLocks(locks) });
    await b.runner.resumeAll();

    const id = a.runner.submit({ prompt: 'two tabs' });
    // B sees it through the channel (status from IndexedDB, progress from the broadcast).
    await waitForJob(b.store, id, (j) => j.status === 'running' && j.progress === 35);
    await b.runner.resumeAll();
    expect(b.runner.cancel(id)).toBe(false);
    expect(taskCalls(server)).toHaveLength(0);

    const t = server.tasks.get('t-tabs')!;
    server.tasks.set('t-tabs', { ...t, response: finalBody(server.url, 't-tabs'), finished_at: 5 });
    a.runner.dispose(); // tab A closes: its locks go
    a.persistence.close();
    const job = await waitForJob(b.store, id, (j) => j.status === 'done');
    expect(job.result?.image_id).toBe('img-t-tabs');
    expect(imagineCalls(server)).toHaveLength(1);
  });
});

describe('runner: history export', () => {
  it('never writes the token into exported history', async () => {
    const server = await fake();
    server.onImagine = ({ res }) => {
      startStream(res);
      writeLine(res, finalBody(server.url, 't-export'));
      res.end();
    };
    const tab = openTab(server, newDb());
    // Even a request that smuggles token-like keys keeps none of them.
    const id = tab.runner.submit({
      prompt: 'keep it secret',
      api_token: TOKEN,
      authorization: `Bearer ${TOKEN}`,
    } as never);
    await waitForJob(tab.store, id, (j) => j.status === 'done');
    await until(async () => (await tab.persistence.getJob(id))?.status === 'done', 'saved');
    expect(imagineCalls(server)[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(imagineCalls(server)[0]!.body.api_token).toBeUndefined();

    const json = await tab.persistence.exportHistory();
    expect(json).toContain('keep it secret');
    expect(json).toContain('t-export');
    expect(json).not.toContain(TOKEN);
    expect(json.toLowerCase()).not.toContain('bearer');
  });
});
