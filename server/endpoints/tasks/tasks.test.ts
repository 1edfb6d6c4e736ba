import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../create-engine';
import { taskNotFoundSchema } from '../../../src/api/contract-tasks';
import {
  NDJSON,
  call,
  callJson,
  getUrl,
  imagineWait,
  ndjsonLines,
  type Json,
} from '../fixtures/engine-test-kit';

let engine: Engine;
let done: Json;

beforeAll(async () => {
  engine = createEngine({ paceMs: 0 });
  done = await imagineWait(engine, {
    prompt: 'a tin robot --seed 5',
    trace_id: 'trace-robot',
    mode: 'relax',
  });
});
afterAll(() => engine.close());

/** A task that fails at once (unknown parameter): a task all the same, and no render. */
async function quickTask(i: number, extra: Json = {}): Promise<string> {
  const res = await callJson(engine, '/midjourney/imagine', {
    prompt: `t${i} --nope`,
    async: true,
    ...extra,
  });
  return String(res.body.task_id);
}

describe('retrieve', () => {
  it('by id, by its task_id alias and by trace_id, in the documented shape', async () => {
    const byId = await callJson(engine, '/midjourney/tasks', {
      action: 'retrieve',
      id: done.task_id,
    });
    expect(byId.status).toBe(200);
    const task = byId.body;
    expect(task).toMatchObject({
      id: done.task_id,
      trace_id: 'trace-robot',
      type: 'imagine',
      state: 'finished',
      image_id: done.image_id,
      request: { prompt: 'a tin robot --seed 5', trace_id: 'trace-robot', mode: 'relax' },
      response: done,
    });
    expect(task.created_at).toEqual(expect.any(Number));
    expect(Number(task.finished_at)).toBeGreaterThanOrEqual(Number(task.created_at));
    expect(task.duration).toBeCloseTo(Number(task.finished_at) - Number(task.created_at), 6);

    const alias = await callJson(engine, '/midjourney/tasks', {
      action: 'retrieve',
      task_id: done.task_id,
    });
    expect(alias.body.id).toBe(done.task_id);
    const byTrace = await callJson(engine, '/midjourney/tasks', { trace_id: 'trace-robot' });
    expect(byTrace.body.id).toBe(done.task_id);
  });

  it('an unknown id or trace id → 200 {}, the contract’s not-found body (not a 404)', async () => {
    for (const query of [
      { id: 'no-such-task' },
      { task_id: 'no-such-task' },
      { trace_id: 'nope' },
    ]) {
      const res = await callJson(engine, '/midjourney/tasks', { action: 'retrieve', ...query });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({});
      expect(taskNotFoundSchema.safeParse(res.body).success).toBe(true);
    }
  });

  it('a task still running has no response, then its latest progress line without `success`', async () => {
    const paced = createEngine({ paceMs: 500 });
    try {
      const res = await call(
        paced,
        '/midjourney/imagine',
        { prompt: 'a tin robot --seed 5' },
        { accept: NDJSON },
      );
      const reader = res.body!.getReader();
      const { body: first } = await callJson(paced, '/midjourney/tasks', {
        action: 'retrieve_batch',
      });
      const pending = (first.items as Json[])[0]!;
      expect(pending.state).toBe('pending');
      expect(pending).not.toHaveProperty('response');
      expect(pending).not.toHaveProperty('finished_at');
      const line = JSON.parse(new TextDecoder().decode((await reader.read()).value)) as Json;
      const { body: later } = await callJson(paced, '/midjourney/tasks', { id: pending.id });
      expect(later.state).toBe('generating');
      // The stream line says `success: true`, as the guide's lines do; the record of a task that
      // is still running says nothing of the kind (clients read it as "finished").
      expect(line).toMatchObject({ progress: 10, actions: [], success: true });
      const { success: _success, ...pendingLine } = line;
      expect(later.response).toEqual(pendingLine);
      expect(later.response).not.toHaveProperty('success');
      await reader.cancel();
    } finally {
      paced.close();
    }
  });

  it('the request echo carries no token, but keeps the mask as received', async () => {
    const token = 'tok-VERY-secret-123';
    const res = await callJson(
      engine,
      '/midjourney/imagine',
      { action: 'variation_region', image_id: done.image_id, mask: 'AAAA', token },
      { token },
    );
    // Grids do not offer variation_region: refused before any task. Use an upscale instead.
    expect(res.status).toBe(400);
    const up = await imagineWait(
      engine,
      { action: 'upscale2', image_id: done.image_id },
      { token },
    );
    const { default: sharp } = await import('sharp');
    const mask = (
      await sharp({ create: { width: 64, height: 64, channels: 3, background: 'white' } })
        .jpeg()
        .toBuffer()
    ).toString('base64');
    const region = await callJson(
      engine,
      '/midjourney/imagine',
      { action: 'variation_region', image_id: up.image_id, mask, token, async: true },
      { token },
    );
    await engine.idle();
    const task = await callJson(
      engine,
      '/midjourney/tasks',
      { id: region.body.task_id },
      { token },
    );
    expect(JSON.stringify(task.body)).not.toContain(token);
    expect((task.body.request as Json).mask).toBe(mask);
    expect(task.body.request).not.toHaveProperty('token');
  });
});

describe('retrieve_batch', () => {
  it('by ids (and trace_ids) → {items, count}', async () => {
    const a = await quickTask(1, { trace_id: 'batch-a' });
    const b = await quickTask(2);
    const res = await callJson(engine, '/midjourney/tasks', {
      action: 'retrieve_batch',
      ids: [b, 'missing', a],
    });
    expect(res.body.count).toBe(2);
    expect((res.body.items as Json[]).map((t) => t.id)).toEqual([b, a]);
    const byTrace = await callJson(engine, '/midjourney/tasks', {
      action: 'retrieve_batch',
      trace_ids: ['batch-a'],
    });
    expect((byTrace.body.items as Json[]).map((t) => t.id)).toEqual([a]);
  });

  it('without ids: newest first, 12 by default, paged with offset/limit', async () => {
    const fresh = createEngine({ paceMs: 0 });
    try {
      const ids: string[] = [];
      for (let i = 0; i < 14; i++) {
        const res = await callJson(fresh, '/midjourney/imagine', {
          prompt: `t${i} --nope`,
          async: true,
        });
        ids.push(String(res.body.task_id));
      }
      const newestFirst = [...ids].reverse();
      const page1 = await callJson(fresh, '/midjourney/tasks', { action: 'retrieve_batch' });
      expect(page1.body.count).toBe(14);
      expect((page1.body.items as Json[]).map((t) => t.id)).toEqual(newestFirst.slice(0, 12));
      const page2 = await callJson(fresh, '/midjourney/tasks', {
        action: 'retrieve_batch',
        offset: 12,
        limit: 5,
      });
      expect((page2.body.items as Json[]).map((t) => t.id)).toEqual(newestFirst.slice(12));
    } finally {
      fresh.close();
    }
  });
});

describe('eviction', () => {
  it('keeps at most maxTasks; an evicted task takes its images and actions with it', async () => {
    const small = createEngine({ paceMs: 0, maxTasks: 3 });
    try {
      const first = await imagineWait(small, { prompt: 'a tin robot --seed 5' });
      expect((await getUrl(small, String(first.raw_image_url))).status).toBe(200);
      for (let i = 0; i < 3; i++)
        await callJson(small, '/midjourney/imagine', { prompt: `t${i} --nope` });
      await small.idle();
      expect(small.state().tasks).toBe(3);
      const gone = await callJson(small, '/midjourney/tasks', { id: first.task_id });
      expect(gone.body).toEqual({});
      expect((await getUrl(small, String(first.raw_image_url))).status).toBe(404);
      const action = await callJson(small, '/midjourney/imagine', {
        action: 'upscale1',
        image_id: first.image_id,
      });
      expect(action.status).toBe(400);
      expect(small.state()).toMatchObject({ images: 0, files: 0, bytes: 0 });
    } finally {
      small.close();
    }
  });

  it('drops idle tasks older than maxAgeMs', async () => {
    let clock = 1_700_000_000_000;
    const aging = createEngine({ paceMs: 0, maxAgeMs: 60_000, now: () => clock });
    try {
      const old = await callJson(aging, '/midjourney/imagine', { prompt: 'x --nope' });
      clock += 30_000;
      const young = await callJson(aging, '/midjourney/imagine', { prompt: 'y --nope' });
      clock += 40_000;
      expect(aging.state().tasks).toBe(1);
      expect((await callJson(aging, '/midjourney/tasks', { id: old.body.task_id })).body).toEqual(
        {},
      );
      expect((await callJson(aging, '/midjourney/tasks', { id: young.body.task_id })).status).toBe(
        200,
      );
    } finally {
      aging.close();
    }
  });
});

describe('streams and tasks agree', () => {
  it("the stream's final line is the task's response", async () => {
    const res = await call(
      engine,
      '/midjourney/imagine',
      { prompt: 'a tin robot --seed 5' },
      { accept: NDJSON },
    );
    const lines = await ndjsonLines(res);
    const task = await callJson(engine, '/midjourney/tasks', { id: lines[0]!.task_id });
    expect(task.body.response).toEqual(lines.at(-1));
  });
});
