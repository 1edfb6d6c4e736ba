import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../create-engine';
import { NDJSON, call, callJson, rawLines } from '../fixtures/engine-test-kit';

let engine: Engine;

beforeEach(() => {
  engine = createEngine({ paceMs: 20 });
});
afterEach(() => engine.close());

const admin = (path: string, body: unknown) => callJson(engine, path, body, { token: null });

describe('POST /__engine/token', () => {
  it('makes the engine require a token, refusing others with 401 invalid_token, until null', async () => {
    expect((await admin('/__engine/token', { token: 'right' })).status).toBe(200);
    const wrong = await callJson(
      engine,
      '/midjourney/tasks',
      { action: 'retrieve_batch' },
      { token: 'wrong' },
    );
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ error: { code: 'invalid_token' } });
    const right = await callJson(
      engine,
      '/midjourney/tasks',
      { action: 'retrieve_batch' },
      { token: 'right' },
    );
    expect(right.status).toBe(200);
    // Admin needs the engine's token while one is set.
    await callJson(engine, '/__engine/token', { token: null }, { token: 'right' });
    const any = await callJson(
      engine,
      '/midjourney/tasks',
      { action: 'retrieve_batch' },
      { token: 'wrong' },
    );
    expect(any.status).toBe(200);
  });

  it('refuses a token that is not a string or null', async () => {
    expect((await admin('/__engine/token', { token: 42 })).status).toBe(400);
  });
});

describe('POST /__engine/restart', () => {
  it('cuts open streams and forgets every task, as a crashed engine would', async () => {
    const res = await call(
      engine,
      '/midjourney/imagine',
      { prompt: 'a slow tide --seed 5' },
      { accept: NDJSON },
    );
    const lines = rawLines(res.body!);
    const first = JSON.parse((await lines.next()).value as string) as { task_id: string };
    expect((await admin('/__engine/restart', {})).status).toBe(200);
    await expect(
      (async () => {
        for await (const _ of lines) {
          // drain until the cut
        }
      })(),
    ).rejects.toThrow();
    const lookup = await callJson(engine, '/midjourney/tasks', {
      action: 'retrieve',
      id: first.task_id,
    });
    // Forgotten: the service's not-found body (`200 {}`).
    expect(lookup.body).toEqual({});
    expect(engine.state().tasks).toBe(0);
  });
});
