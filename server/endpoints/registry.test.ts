/**
 * The registry is the only list of endpoints: each entry is one folder, and a new endpoint is
 * that folder plus one line. A fake endpoint (fixtures/echo) added to the list is mounted,
 * guarded by the token, preflighted and faulted like the real ones, with nothing else changed.
 */
import { existsSync, readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from './create-engine';
import { fuzzTargets } from './fixtures/fuzz-targets';
import { callJson, type Json } from './fixtures/engine-test-kit';
import { echoEndpoint } from './fixtures/echo/echo-route';
import { ENDPOINTS } from './registry';

const TOKEN = 'test-token';
const folder = (name: string) => new URL(`./${name}/`, import.meta.url);

describe('the endpoint registry', () => {
  let engine: Engine | undefined;
  afterEach(() => engine?.close());

  it.each(ENDPOINTS.map((e) => [e.name, e] as const))(
    '%s: one folder with its route (exporting this entry), its tests and its fuzz target',
    async (name, entry) => {
      expect(name).toMatch(/^[a-z_]+$/);
      expect(existsSync(new URL(`${name}-route.ts`, folder(name)))).toBe(true);
      const route = (await import(`./${name}/${name}-route.ts`)) as Record<string, unknown>;
      expect(route[`${name}Endpoint`]).toBe(entry);
      expect(readdirSync(folder(name)).filter((file) => file.endsWith('.test.ts'))).not.toEqual([]);
      const [[fuzzed, fuzz]] = (await fuzzTargets([entry])) as [[string, unknown]];
      expect(fuzzed).toBe(name);
      expect(fuzz).toHaveProperty('bases');
    },
  );

  it('lists each name once, and an engine refuses two endpoints of one name', () => {
    const names = ENDPOINTS.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    expect(() => createEngine({ endpoints: [...ENDPOINTS, echoEndpoint, echoEndpoint] })).toThrow(
      'two endpoints are named echo',
    );
  });

  it('an endpoint without a fuzz target in its folder fails the fuzz tests', async () => {
    await expect(fuzzTargets([{ name: 'echo' }])).rejects.toThrow();
  });

  it('a fake endpoint added to the list is mounted like the real ones; without it, 404', async () => {
    engine = createEngine({ paceMs: 0, token: TOKEN, endpoints: [...ENDPOINTS, echoEndpoint] });
    const noToken = await callJson(engine, '/midjourney/echo', { text: 'hi' }, { token: null });
    expect([noToken.status, (noToken.body.error as Json).code]).toEqual([400, 'no_token']);
    const wrong = await callJson(engine, '/midjourney/echo', { text: 'hi' }, { token: 'nope' });
    expect([wrong.status, (wrong.body.error as Json).code]).toEqual([401, 'invalid_token']);
    const ok = await callJson(engine, '/midjourney/echo', { text: 'hi', trace_id: 't-1' });
    expect([ok.status, ok.body]).toEqual([200, { echo: 'hi', trace_id: 't-1' }]);
    expect(ok.headers.get('access-control-allow-origin')).toBe('*');
    const bad = await callJson(engine, '/midjourney/echo', { text: null });
    expect([bad.status, bad.body.error]).toEqual([
      400,
      { code: 'bad_request', message: 'text is required' },
    ]);
    await callJson(engine, '/__engine/faults', { status: 429, count: 1 }, { token: TOKEN });
    const faulted = await callJson(engine, '/midjourney/echo', { text: 'hi' });
    expect([faulted.status, (faulted.body.error as Json).code]).toEqual([429, 'too_many_requests']);
    const preflight = await engine.handle(
      new Request('http://engine.test/midjourney/echo', { method: 'OPTIONS' }),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    const get = await callJson(engine, '/midjourney/echo', undefined, { method: 'GET' });
    expect([get.status, (get.body.error as Json).code]).toEqual([404, 'no_api']);
    engine.close();

    engine = createEngine({ paceMs: 0, token: TOKEN });
    const unmounted = await callJson(engine, '/midjourney/echo', { text: 'hi' });
    expect([unmounted.status, (unmounted.body.error as Json).code]).toEqual([404, 'no_api']);
  });

  it('every real endpoint still answers with the fake one mounted beside it', async () => {
    engine = createEngine({ paceMs: 0, token: TOKEN, endpoints: [...ENDPOINTS, echoEndpoint] });
    for (const { name } of ENDPOINTS) {
      const res = await callJson(engine, `/midjourney/${name}`, {}, { raw: '{nope' });
      expect([name, res.status, (res.body.error as Json | undefined)?.code]).toEqual([
        name,
        400,
        'bad_request',
      ]);
    }
  });
});
