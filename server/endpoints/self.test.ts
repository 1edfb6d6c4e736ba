/**
 * The engine never drives itself on someone else's behalf: URLs naming it are refused when a
 * request arrives, admin takes only requests that carry its header (a callback never does),
 * callbacks follow no redirect, image fetches follow none into the engine, and a request for a
 * host name the engine was not given (DNS rebinding) is answered 421 on its API and its CDN.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_ADMIN_HEADERS } from '../../src/api/engine-admin';
import { NDJSON, type Json } from './fixtures/engine-test-kit';
import { startEngineServer, type EngineServer } from '../host/http-server';
import { raw } from '../studio/fixtures/studio-test-kit';

let server: EngineServer;
const auth = { authorization: 'Bearer any', 'content-type': 'application/json' };

beforeAll(async () => {
  server = await startEngineServer({ port: 0, paceMs: 0 });
});
afterAll(() => server.close());

async function post(path: string, body: Json, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { ...auth, ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Json };
}

const tasks = () => server.engine.state().tasks;

/** A local server answering every request with `answer`, counting what it got. */
async function listenWith(
  answer: (path: string) => { status: number; headers?: Record<string, string> },
): Promise<{ url: string; hits: string[]; close(): Promise<void> }> {
  const hits: string[] = [];
  const s: Server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    req.resume();
    const { status, headers = {} } = answer(req.url ?? '/');
    res.writeHead(status, headers).end();
  });
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(s.address() as AddressInfo).port}`,
    hits,
    close: () => new Promise((resolve) => s.close(() => resolve())),
  };
}

describe('URLs naming the engine', () => {
  it('are refused as the request arrives: callbacks, image prompts, blends, edits, videos, describe', async () => {
    const made = await post('/midjourney/imagine', { prompt: 'a quiet pier --seed 2' });
    expect(made.status).toBe(200);
    const before = tasks();
    const { port } = server;
    const admin = `${server.url}/__engine/restart`;
    const cases: [string, Json][] = [
      ['/midjourney/imagine', { prompt: 'a pier', callback_url: admin }],
      ['/midjourney/imagine', { prompt: 'a pier', callback_url: `http://localhost:${port}/x` }],
      [
        '/midjourney/imagine',
        { prompt: 'a pier', async: true, callback_url: `http://127.1:${port}/` },
      ],
      ['/midjourney/imagine', { prompt: 'a pier', callback_url: `http://[::1]:${port}/` }],
      ['/midjourney/imagine', { prompt: 'a pier', callback_url: `${server.cdnUrl}/x` }],
      ['/midjourney/imagine', { prompt: `${server.url}/__engine/state a pier` }],
      ['/midjourney/imagine', { prompt: `https://img.example/a.png ${admin}?x= a pier` }],
      ['/midjourney/edits', { image_url: `${server.url}/__engine/state`, prompt: 'a pier' }],
      [
        '/midjourney/edits',
        { image_url: made.body.raw_image_url, prompt: 'x', callback_url: admin },
      ],
      ['/midjourney/videos', { image_url: `http://0.0.0.0:${port}/__engine/state` }],
      ['/midjourney/videos', { image_url: made.body.raw_image_url, end_image_url: admin }],
      ['/midjourney/videos', { image_url: made.body.raw_image_url, callback_url: admin }],
      ['/midjourney/describe', { image_url: `${server.url}/__engine/state` }],
    ];
    for (const [path, body] of cases) {
      const res = await post(path, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body, JSON.stringify(body)).toMatchObject({ error: { code: 'bad_request' } });
      expect(String((res.body.error as Json).message)).toMatch(/points at this engine itself/);
    }
    expect(tasks()).toBe(before);
    // Its own picture links are what a reference to a result is: still read.
    const again = await post('/midjourney/imagine', {
      prompt: `${String(made.body.raw_image_url)} a pier at noon --seed 3`,
    });
    expect(again.body).toMatchObject({ success: true, progress: 100 });
  });

  it('admin refuses exactly what a callback sends (JSON, no Origin), and takes it with its header', async () => {
    await post('/midjourney/imagine', { prompt: 'a quiet pier --seed 2' });
    const before = tasks();
    const asCallback = await fetch(`${server.url}/__engine/restart`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ success: true, progress: 100 }),
    });
    expect(asCallback.status).toBe(403);
    expect(await asCallback.json()).toMatchObject({ error: { code: 'forbidden' } });
    expect(tasks()).toBe(before);
    const admin = await post('/__engine/pace', { ms: 0 }, ENGINE_ADMIN_HEADERS);
    expect(admin.status).toBe(200);
  });

  it("a callback's redirect is not followed (a 307 would replay the POST wherever it points)", async () => {
    const behind = await listenWith(() => ({ status: 200 }));
    const hook = await listenWith(() => ({
      status: 307,
      headers: { location: `${behind.url}/replayed` },
    }));
    try {
      const accepted = await post(
        '/midjourney/imagine',
        { prompt: 'a quiet pier --seed 5', callback_url: `${hook.url}/hook` },
        { accept: NDJSON },
      );
      expect(accepted.status).toBe(200);
      // One POST per line, one after another: the second shows the first's 307 was dealt with.
      // Poll's default second is too short on a busy machine (seen to fail so): wait as a
      // hung-test guard, not as a speed target.
      await expect.poll(() => hook.hits.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
      expect(behind.hits).toEqual([]);
    } finally {
      await hook.close();
      await behind.close();
    }
  });

  it('an image prompt that redirects into the engine fails its task, saying so', async () => {
    const host = await listenWith(() => ({
      status: 302,
      headers: { location: `${server.url}/__engine/state` },
    }));
    try {
      const res = await post('/midjourney/imagine', { prompt: `${host.url}/a.png a pier` });
      expect(res.body).toMatchObject({ success: false, error: { code: 'bad_request' } });
      expect(String((res.body.error as Json).message)).toMatch(/leads to this engine itself/);
    } finally {
      await host.close();
    }
  });
});

describe('Host and Origin', () => {
  it('a name the engine was not given is answered 421 on the API, admin and the CDN', async () => {
    const made = await post('/midjourney/imagine', { prompt: 'a quiet pier --seed 2' });
    const picture = new URL(String(made.body.raw_image_url));
    const rebound = { host: `rebind.evil.example:${server.port}` };
    for (const [url, method, headers] of [
      [`${server.url}/__engine/state`, 'GET', { ...rebound, ...ENGINE_ADMIN_HEADERS }],
      [`${server.url}/__engine/token`, 'POST', { ...rebound, ...ENGINE_ADMIN_HEADERS, ...auth }],
      [`${server.url}/midjourney/tasks`, 'POST', { ...rebound, ...auth }],
      [`${server.url}/nothing`, 'GET', rebound],
      [`${picture.href}`, 'GET', { host: `rebind.evil.example:${picture.port}` }],
    ] as const) {
      const res = await raw(url, {
        method,
        headers,
        ...(method === 'POST' ? { body: '{"token":"attacker"}' } : {}),
      });
      expect(res.status, url).toBe(421);
      expect(JSON.parse(res.body.toString()), url).toMatchObject({
        error: { code: 'misdirected_request' },
      });
      expect(res.headers['cache-control']).toBe('no-store');
    }
    // The same requests under this machine's names are answered.
    const local = await raw(`${server.url}/__engine/state`, {
      headers: { host: `localhost:${server.port}`, ...ENGINE_ADMIN_HEADERS },
    });
    expect(local.status).toBe(200);
    const cdn = await raw(picture.href, { headers: { host: `[::1]:${picture.port}` } });
    expect(cdn.status).toBe(200);
    expect(cdn.headers['x-content-type-options']).toBe('nosniff');
  });

  it("admin's Origin must name the engine on its own port, whatever Host says", async () => {
    const pace = (origin: string, host = `127.0.0.1:${server.port}`) =>
      raw(`${server.url}/__engine/pace`, {
        method: 'POST',
        headers: { ...auth, ...ENGINE_ADMIN_HEADERS, origin, host },
        body: '{"ms":0}',
      });
    expect((await pace(`http://localhost:${server.port}`)).status).toBe(200);
    expect((await pace(`http://rebind.evil.example:${server.port}`)).status).toBe(403);
    const cdnPort = new URL(server.cdnUrl).port;
    expect((await pace(`http://127.0.0.1:${cdnPort}`)).status).toBe(403);
    expect((await pace(`http://127.0.0.1:${cdnPort}`, `127.0.0.1:${cdnPort}`)).status).toBe(403);
  });

  it('answers, admin and errors are never cached', async () => {
    const made = await post('/midjourney/imagine', { prompt: 'a quiet pier --seed 2' });
    const listed = await fetch(`${server.url}/midjourney/tasks`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ action: 'retrieve', id: made.body.task_id }),
    });
    const state = await fetch(`${server.url}/__engine/state`, { headers: ENGINE_ADMIN_HEADERS });
    const missing = await fetch(`${server.url}/midjourney/nothing`, { method: 'POST' });
    const gone = await fetch(`${server.cdnUrl}/attachments/nothing.png`);
    for (const res of [listed, state, missing, gone])
      expect(res.headers.get('cache-control'), res.url).toBe('no-store');
  });
});
