import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../create-engine';
import { ORIGIN, call, callJson } from '../fixtures/engine-test-kit';

describe('admin is driven by no one else', () => {
  let engine: Engine;
  beforeEach(() => {
    engine = createEngine({ paceMs: 0, token: 'secret' });
  });
  afterEach(() => engine.close());
  it('needs the engine token whenever one is set', async () => {
    const none = await callJson(engine, '/__engine/token', { token: null }, { token: null });
    expect(none.status).toBe(401);
    const wrong = await callJson(engine, '/__engine/restart', {}, { token: 'guess' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ success: false, error: { code: 'invalid_token' } });
    const right = await callJson(engine, '/__engine/token', { token: null }, { token: 'secret' });
    expect(right.body).toMatchObject({ success: true, token_required: false });
  });

  it('answers 415 to a body that is not application/json (a page can send text/plain unasked)', async () => {
    const open = createEngine({ paceMs: 0 });
    const res = await callJson(open, '/__engine/token', undefined, {
      token: null,
      raw: '{"token":"mine"}',
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({ error: { code: 'unsupported_media_type' } });
    const restart = await call(open, '/__engine/restart', undefined, {
      token: null,
      raw: '{}',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(restart.status).toBe(415);
    open.close();
  });

  it('never allows another origin: no access-control headers, preflight grants nothing', async () => {
    const state = await call(engine, '/__engine/state', undefined, {
      method: 'GET',
      token: 'secret',
    });
    expect(state.status).toBe(200);
    expect([...state.headers.keys()].filter((k) => k.startsWith('access-control-'))).toEqual([]);
    const preflight = await engine.handle(
      new Request(`${ORIGIN}/__engine/token`, {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      }),
    );
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('refuses requests a web page of another origin sends, even with the token', async () => {
    const res = await callJson(
      engine,
      '/__engine/pace',
      { ms: 1 },
      { token: 'secret', headers: { origin: 'https://evil.example' } },
    );
    expect(res.status).toBe(403);
    expect(engine.paceMs).toBe(0);
  });
});
