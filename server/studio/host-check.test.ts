import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_ADMIN_HEADERS } from '../../src/api/engine-admin';
import type { StudioServer } from './app';
import { makeDist, raw, startStudio } from './fixtures/studio-test-kit';

let studio: StudioServer;

beforeAll(async () => {
  studio = await startStudio(await makeDist(), { allowedHosts: ['studio.example.com'] });
});
afterAll(() => studio.close());

const json = { 'content-type': 'application/json', authorization: 'Bearer any' };

describe('the studio server answers only its own names', () => {
  it('a rebound name gets 421 on pages, files, the engine, the pass-through and the relay', async () => {
    const host = `rebind.evil.example:${studio.port}`;
    for (const [path, method] of [
      ['/', 'GET'],
      ['/history/deep-link', 'GET'],
      ['/favicon.svg', 'GET'],
      ['/__engine/state', 'GET'],
      ['/__engine/restart', 'POST'],
      ['/midjourney/tasks', 'POST'],
      ['/acedata/midjourney/tasks', 'POST'],
      ['/relay?url=https%3A%2F%2Fmidjourney.cdn.acedata.cloud%2Fa.png', 'GET'],
    ] as const) {
      const res = await raw(`${studio.url}${path}`, {
        method,
        headers: { ...json, ...ENGINE_ADMIN_HEADERS, host },
        ...(method === 'POST' ? { body: '{"action":"retrieve_batch"}' } : {}),
      });
      expect(res.status, path).toBe(421);
      expect(res.body.toString(), path).toContain('misdirected_request');
      expect(res.body.toString(), path).not.toContain('<div id="root">');
      // The refusal carries the studio's security headers like any answer.
      expect(res.headers['x-frame-options'], path).toBe('DENY');
    }
  });

  it('answers this machine’s names, the configured host and ALLOWED_HOSTS', async () => {
    for (const host of [
      `127.0.0.1:${studio.port}`,
      `localhost:${studio.port}`,
      `[::1]:${studio.port}`,
      'studio.example.com',
      'studio.example.com:443',
    ]) {
      const res = await raw(`${studio.url}/`, { headers: { host } });
      expect(res.status, host).toBe(200);
    }
  });

  it('the studio page may drive admin (its own port); another port or a public name it was not given may not', async () => {
    const pace = (origin: string) =>
      raw(`${studio.url}/__engine/pace`, {
        method: 'POST',
        headers: { ...json, ...ENGINE_ADMIN_HEADERS, origin },
        body: '{"ms":0}',
      });
    expect((await pace(`http://127.0.0.1:${studio.port}`)).status).toBe(200);
    expect((await pace(`http://localhost:${studio.port}`)).status).toBe(200);
    expect((await pace('https://studio.example.com')).status).toBe(200);
    expect((await pace('http://127.0.0.1:1')).status).toBe(403);
    expect((await pace(`http://rebind.evil.example:${studio.port}`)).status).toBe(403);
  });

  it("a callback to the studio's own address is refused as the request arrives", async () => {
    for (const callback of [
      `${studio.url}/__engine/restart`,
      `http://localhost:${studio.port}/__engine/token`,
      'https://studio.example.com/__engine/restart',
    ]) {
      const res = await raw(`${studio.url}/midjourney/imagine`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ prompt: 'a pier', async: true, callback_url: callback }),
      });
      expect(res.status, callback).toBe(400);
      expect(res.body.toString(), callback).toContain('points at this engine itself');
    }
  });
});
