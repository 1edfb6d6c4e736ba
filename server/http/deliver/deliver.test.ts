import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../endpoints/create-engine';
import {
  NDJSON,
  call,
  callJson,
  ndjsonLines,
  rawLines,
  type Json,
} from '../../endpoints/fixtures/engine-test-kit';

let engine: Engine;

beforeEach(() => {
  engine = createEngine({ paceMs: 0 });
});
afterEach(() => engine.close());

const fault = (body: Json) => callJson(engine, '/__engine/faults', body, { token: null });
const PROMPT = 'a glass harbour --seed 21';

describe('HTTP error faults', () => {
  it('429 for the next N imagine requests, with the provider code, and no task', async () => {
    expect((await fault({ status: 429, count: 2 })).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const res = await callJson(engine, '/midjourney/imagine', { prompt: PROMPT });
      expect(res.status).toBe(429);
      expect(res.body).toMatchObject({
        success: false,
        error: { code: 'too_many_requests', message: 'You have exceeded the rate limit.' },
      });
    }
    expect(engine.state().tasks).toBe(0);
    const ok = await callJson(engine, '/midjourney/imagine', { prompt: `${PROMPT} --foo` });
    expect(ok.status).toBe(400); // the task ran (and failed on its prompt): the fault is used up
    expect(engine.state().tasks).toBe(1);
  });

  it('500 with a chosen code and message; DELETE clears armed faults', async () => {
    await fault({ status: 500, message: 'fetch failed', count: 5 });
    const res = await callJson(engine, '/midjourney/imagine', { prompt: PROMPT });
    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({
      success: false,
      error: { code: 'api_error', message: 'fetch failed' },
    });
    expect(engine.state().faults).toEqual([{ count: 4, status: 500, message: 'fetch failed' }]);
    const cleared = await callJson(engine, '/__engine/faults', undefined, {
      method: 'DELETE',
      token: null,
    });
    expect(cleared.status).toBe(200);
    expect(engine.state().faults).toEqual([]);
    const after = await callJson(engine, '/midjourney/imagine', { prompt: `${PROMPT} --foo` });
    expect(after.status).toBe(400);
  });

  it('refuses nonsense fault bodies', async () => {
    expect((await fault({})).status).toBe(400);
    expect((await fault({ status: 200 })).status).toBe(400);
    expect((await fault({ drop_at: 140 })).status).toBe(400);
    expect((await fault({ stall: 'yes' })).status).toBe(400);
  });
});

describe('stream faults', () => {
  it('drop_at cuts the stream at that progress; the job completes and is found by trace_id', async () => {
    await fault({ drop_at: 50 });
    const res = await call(
      engine,
      '/midjourney/imagine',
      { prompt: PROMPT, trace_id: 'dropped-1' },
      { accept: NDJSON },
    );
    const got: Json[] = [];
    await expect(
      (async () => {
        for await (const line of rawLines(res.body!)) got.push(JSON.parse(line) as Json);
      })(),
    ).rejects.toThrow(/dropped/i);
    expect(got.map((l) => l.progress)).toEqual([10, 25, 40]);
    await engine.idle();
    const task = await callJson(engine, '/midjourney/tasks', {
      action: 'retrieve',
      trace_id: 'dropped-1',
    });
    expect(task.body).toMatchObject({
      state: 'finished',
      response: { success: true, progress: 100 },
    });
    expect(engine.state().open_streams).toBe(0);
  });

  it('malformed sends one broken line mid-stream and carries on', async () => {
    await fault({ malformed: true });
    const res = await call(engine, '/midjourney/imagine', { prompt: PROMPT }, { accept: NDJSON });
    const lines: string[] = [];
    for await (const line of rawLines(res.body!)) lines.push(line);
    expect(lines).toContain('{"progress": 5');
    const broken = lines.indexOf('{"progress": 5');
    expect(broken).toBeGreaterThan(0);
    expect(broken).toBeLessThan(lines.length - 1);
    expect(() => JSON.parse(lines[broken]!)).toThrow();
    const good = lines.filter((_, i) => i !== broken).map((l) => JSON.parse(l) as Json);
    expect(good.at(-1)).toMatchObject({ progress: 100, success: true });
  });

  it('stall: the job stops after its first line and never finishes; the task stays unfinished', async () => {
    await fault({ stall: true });
    const res = await call(
      engine,
      '/midjourney/imagine',
      { prompt: PROMPT, trace_id: 'stalled-1' },
      { accept: NDJSON },
    );
    const lines = rawLines(res.body!);
    const first = JSON.parse((await lines.next()).value as string) as Json;
    expect(first.progress).toBe(10);
    await engine.idle(); // every job that is not stalled is done
    const state = engine.state();
    expect(state).toMatchObject({ active_jobs: 1, stalled_jobs: 1 });
    const task = await callJson(engine, '/midjourney/tasks', { trace_id: 'stalled-1' });
    expect(task.body.state).toBe('generating');
    expect(task.body).not.toHaveProperty('finished_at');
    expect((task.body.response as Json).progress).toBe(10);
    // Only closing the engine ends it.
    engine.close();
    const rest: Json[] = [];
    for await (const line of lines) rest.push(JSON.parse(line) as Json);
    expect(rest).toEqual([
      expect.objectContaining({
        success: false,
        error: expect.objectContaining({ code: 'api_error' }),
      }),
    ]);
  });

  it('drop_at in wait mode cuts the reply too; the job completes', async () => {
    await fault({ drop_at: 70 });
    const res = await call(engine, '/midjourney/imagine', {
      prompt: PROMPT,
      trace_id: 'dropped-2',
    });
    await expect(res.text()).rejects.toThrow(/dropped/i);
    await engine.idle();
    const task = await callJson(engine, '/midjourney/tasks', { trace_id: 'dropped-2' });
    expect(task.body.state).toBe('finished');
  });

  it('a fault applies to one request only by default', async () => {
    await fault({ drop_at: 10 });
    const cut = await call(engine, '/midjourney/imagine', { prompt: PROMPT }, { accept: NDJSON });
    await expect(cut.text()).rejects.toThrow();
    const whole = await ndjsonLines(
      await call(engine, '/midjourney/imagine', { prompt: PROMPT }, { accept: NDJSON }),
    );
    expect(whole.at(-1)).toMatchObject({ progress: 100 });
  });
});

describe('pace and state', () => {
  it('paces a grid at ~5 s by default (700 ms × 7 steps)', () => {
    const fresh = createEngine();
    expect(fresh.paceMs).toBe(700);
    fresh.close();
  });

  it('POST /__engine/pace sets the time per step; bad values are refused', async () => {
    const res = await callJson(engine, '/__engine/pace', { ms: 3 }, { token: null });
    expect(res.body).toEqual({ success: true, ms: 3 });
    expect(engine.paceMs).toBe(3);
    expect(engine.state().pace_ms).toBe(3);
    expect((await callJson(engine, '/__engine/pace', { ms: -1 }, { token: null })).status).toBe(
      400,
    );
    expect((await callJson(engine, '/__engine/pace', { ms: 'fast' }, { token: null })).status).toBe(
      400,
    );
  });

  it('GET /__engine/state counts tasks, images, bytes and active jobs', async () => {
    await ndjsonLines(
      await call(engine, '/midjourney/imagine', { prompt: PROMPT }, { accept: NDJSON }),
    );
    await engine.idle();
    const { body } = await callJson(engine, '/__engine/state', undefined, {
      method: 'GET',
      token: null,
    });
    expect(body).toMatchObject({
      tasks: 1,
      images: 1,
      files: 1,
      active_jobs: 0,
      stalled_jobs: 0,
      open_streams: 0,
    });
    expect(Number(body.bytes)).toBeGreaterThan(100_000);
    const reset = await callJson(engine, '/__engine/reset', {}, { token: null });
    expect(reset.status).toBe(200);
    expect(engine.state()).toMatchObject({ tasks: 0, images: 0, files: 0, bytes: 0 });
  });
});
