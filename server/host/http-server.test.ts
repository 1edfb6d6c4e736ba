import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer as createViteServer, preview as vitePreview } from 'vite';
import { parseCliArgs } from '../cli';
import {
  ENGINE_ADMIN_HEADERS,
  NDJSON,
  rawLines,
  startCallbackServer,
  type CallbackServer,
  type Json,
} from '../endpoints/fixtures/engine-test-kit';
import { startEngineServer, type EngineServer } from './http-server';
import { engineOptionsFromEnv, engineServerPlugin } from './vite-plugin';
import { raw } from '../studio/fixtures/studio-test-kit';

const auth = { authorization: 'Bearer t', 'content-type': 'application/json' };
const PROMPT = 'a copper kettle --seed 8';

function post(
  base: string,
  path: string,
  body: Json,
  headers: Record<string, string> = {},
  signal?: AbortSignal,
) {
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: {
      ...auth,
      ...(path.startsWith('/__engine/') ? ENGINE_ADMIN_HEADERS : {}),
      ...headers,
    },
    body: JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });
}

async function retrieve(base: string, id: string): Promise<Json> {
  return (await (await post(base, '/midjourney/tasks', { action: 'retrieve', id })).json()) as Json;
}

async function waitUntil(check: () => Promise<boolean> | boolean): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 10));
}

describe('over real HTTP (node:http + the adapter)', () => {
  let server: EngineServer;
  let hooks: CallbackServer;

  beforeAll(async () => {
    server = await startEngineServer({ port: 0, paceMs: 60 });
    hooks = await startCallbackServer();
  });
  afterAll(async () => {
    await server.close();
    await hooks.close();
  });

  it('binds 127.0.0.1 and streams lines as they happen, before the task is done', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // Slow enough that the job is surely still running when we look (the admin pace endpoint).
    await post(server.url, '/__engine/pace', { ms: 150 });
    const res = await post(
      server.url,
      '/midjourney/imagine',
      { prompt: PROMPT },
      { accept: NDJSON },
    );
    expect(res.headers.get('content-type')).toBe(NDJSON);
    const lines = rawLines(res.body!);
    const first = JSON.parse((await lines.next()).value as string) as Json;
    expect(first.progress).toBe(10);
    // The first line is in our hands while the job is still running: a real stream.
    const mid = await retrieve(server.url, String(first.task_id));
    expect(mid.state).toBe('generating');
    const rest: Json[] = [];
    for await (const line of lines) rest.push(JSON.parse(line) as Json);
    expect(rest.at(-1)).toMatchObject({ progress: 100, task_id: first.task_id });
    await post(server.url, '/__engine/pace', { ms: 60 });
    // Attachments come from the CDN's own origin.
    expect(String(rest.at(-1)!.image_url).startsWith(`${server.cdnUrl}/attachments/`)).toBe(true);
    const img = await fetch(String(rest.at(-1)!.image_url));
    expect(img.headers.get('content-type')).toBe('image/png');
    // The CDN allows no cross-origin reads unless `--cdn-cors on`.
    expect(img.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('a client that disconnects unsubscribes; the job still completes', async () => {
    const abort = new AbortController();
    const res = await post(
      server.url,
      '/midjourney/imagine',
      { prompt: PROMPT },
      { accept: NDJSON },
      abort.signal,
    );
    const first = JSON.parse((await rawLines(res.body!).next()).value as string) as Json;
    expect(server.engine.state().open_streams).toBe(1);
    abort.abort();
    // The adapter sees the socket close and cancels the body: the stream count drops.
    await waitUntil(() => server.engine.state().open_streams === 0);
    await server.engine.idle();
    const task = await retrieve(server.url, String(first.task_id));
    expect(task).toMatchObject({ state: 'finished', response: { success: true, progress: 100 } });
  });

  it('drop_at cuts the HTTP connection mid-stream', async () => {
    await post(server.url, '/__engine/faults', { drop_at: 40 });
    const res = await post(
      server.url,
      '/midjourney/imagine',
      { prompt: PROMPT },
      { accept: NDJSON },
    );
    const got: Json[] = [];
    await expect(
      (async () => {
        for await (const line of rawLines(res.body!)) got.push(JSON.parse(line) as Json);
      })(),
    ).rejects.toThrow();
    expect(got.map((l) => l.progress)).toEqual([10, 25]);
    await server.engine.idle();
    const task = await retrieve(server.url, String(got[0]!.task_id));
    expect(task.state).toBe('finished');
  });

  it('callback_url: the HTTP reply is the task id; one POST of the final body follows', async () => {
    hooks.received.length = 0;
    const res = await post(server.url, '/midjourney/imagine', {
      prompt: PROMPT,
      callback_url: `${hooks.url}/final`,
      trace_id: 'cb-1',
    });
    const accepted = (await res.json()) as Json;
    expect(accepted).toEqual({ success: true, task_id: expect.any(String), trace_id: 'cb-1' });
    const [hit] = await hooks.waitFor(1);
    expect(hit!.path).toBe('/final');
    expect(hit!.contentType).toBe('application/json');
    expect(hit!.body).toMatchObject({
      success: true,
      task_id: accepted.task_id,
      trace_id: 'cb-1',
      progress: 100,
    });
    await server.engine.idle();
    expect(hooks.received).toHaveLength(1);
  });

  it('callback_url with accept ndjson: one POST per progress line, in order', async () => {
    hooks.received.length = 0;
    const res = await post(
      server.url,
      '/midjourney/imagine',
      { prompt: PROMPT, callback_url: `${hooks.url}/lines` },
      { accept: NDJSON },
    );
    const accepted = (await res.json()) as Json;
    expect(accepted.task_id).toEqual(expect.any(String));
    const posts = await hooks.waitFor(7);
    expect(posts.map((p) => p.body.progress)).toEqual([10, 25, 40, 55, 70, 85, 100]);
    expect(new Set(posts.map((p) => p.body.task_id))).toEqual(new Set([accepted.task_id]));
  });

  it('a failed task calls back with the failure shape; a failing receiver is ignored', async () => {
    hooks.received.length = 0;
    await post(server.url, '/midjourney/imagine', {
      prompt: 'a cat --foo',
      callback_url: `${hooks.url}/fail`,
    });
    const [hit] = await hooks.waitFor(1);
    expect(hit!.body).toMatchObject({
      success: false,
      error: { code: 'bad_request', message: 'Unrecognized argument(s): `--foo`' },
    });
    const broken = await startCallbackServer(500);
    try {
      const res = await post(server.url, '/midjourney/imagine', {
        prompt: PROMPT,
        callback_url: broken.url,
      });
      const { task_id } = (await res.json()) as Json;
      await broken.waitFor(1);
      await server.engine.idle();
      expect((await retrieve(server.url, String(task_id))).state).toBe('finished');
      const dead = await post(server.url, '/midjourney/imagine', {
        prompt: PROMPT,
        callback_url: 'http://127.0.0.1:9/nowhere',
      });
      const dead_id = ((await dead.json()) as Json).task_id;
      await server.engine.idle();
      expect((await retrieve(server.url, String(dead_id))).state).toBe('finished');
    } finally {
      await broken.close();
    }
  });
});

describe('npm run engine (server/cli.ts)', () => {
  it('parses --port, --pace and --token', () => {
    expect(parseCliArgs(['--port', '9000', '--pace', '25', '--token', 'abc'])).toMatchObject({
      port: 9000,
      paceMs: 25,
      token: 'abc',
    });
    expect(() => parseCliArgs(['--port', 'x'])).toThrow(/port/);
    expect(() => parseCliArgs(['--bogus'])).toThrow();
  });

  it('starts on 127.0.0.1, prints its URL and enforces its token', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'server/cli.ts', '--port', '0', '--pace', '0', '--token', 'cli-secret'],
      { cwd: join(__dirname, '../..'), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.once('exit', (code) => reject(new Error(`engine exited with ${code}`)));
      });
      const wrong = await fetch(`${url}/midjourney/tasks`, {
        method: 'POST',
        headers: { authorization: 'Bearer nope', 'content-type': 'application/json' },
        body: '{}',
      });
      expect(wrong.status).toBe(401);
      const right = await fetch(`${url}/midjourney/tasks`, {
        method: 'POST',
        headers: { authorization: 'Bearer cli-secret', 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'retrieve_batch' }),
      });
      expect(await right.json()).toEqual({ items: [], count: 0 });
    } finally {
      child.kill('SIGTERM');
    }
  });
});

describe('engineServerPlugin (real Vite servers)', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'engine-vite-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist', 'index.html'), '<!doctype html><title>built app</title>');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reads ENGINE_PACE_MS and ENGINE_TOKEN', () => {
    expect(engineOptionsFromEnv({ ENGINE_PACE_MS: '15', ENGINE_TOKEN: 'tok' })).toMatchObject({
      paceMs: 15,
      token: 'tok',
    });
    expect(engineOptionsFromEnv({ ENGINE_PACE_MS: '', ENGINE_TOKEN: '' })).not.toHaveProperty(
      'token',
    );
    expect(() => engineOptionsFromEnv({ ENGINE_PACE_MS: 'soon' })).toThrow(/ENGINE_PACE_MS/);
  });

  it('mounts the engine paths in the dev server and the preview server; the rest falls through', async () => {
    const plugins = [engineServerPlugin({ paceMs: 0, token: 'vite-tok' })];
    const dev = await createViteServer({
      configFile: false,
      root,
      logLevel: 'silent',
      plugins,
      server: { port: 0, host: '127.0.0.1', ws: false },
      optimizeDeps: { noDiscovery: true, include: [] },
    });
    await dev.listen();
    const prev = await vitePreview({
      configFile: false,
      root,
      logLevel: 'silent',
      plugins: [engineServerPlugin({ paceMs: 0 })],
      preview: { port: 0, host: '127.0.0.1' },
    });
    try {
      for (const [base, token] of [
        [dev.resolvedUrls!.local[0]!, 'vite-tok'],
        [prev.resolvedUrls!.local[0]!, 'any'],
      ] as const) {
        const origin = base.replace(/\/$/, '');
        const api = await fetch(`${origin}/midjourney/tasks`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ action: 'retrieve_batch' }),
        });
        expect(api.status).toBe(200);
        expect(await api.json()).toEqual({ items: [], count: 0 });
        // Admin needs the engine's token whenever one is set.
        const state = await fetch(`${origin}/__engine/state`, {
          headers: { authorization: `Bearer ${token}`, ...ENGINE_ADMIN_HEADERS },
        });
        expect(((await state.json()) as Json).tasks).toBe(0);
        const page = await fetch(`${origin}/`);
        expect(await page.text()).toContain('app</title>');
        // DNS rebinding: Vite refuses a name it was not given (403); an address it lets through
        // but the engine was not given is refused on the engine's paths (421).
        const port = new URL(origin).port;
        const rebound = await raw(`${origin}/__engine/state`, {
          headers: { host: `rebind.evil.example:${port}`, ...ENGINE_ADMIN_HEADERS },
        });
        expect(rebound.status).toBe(403);
        const lan = await raw(`${origin}/__engine/state`, {
          headers: { host: `10.9.8.7:${port}`, ...ENGINE_ADMIN_HEADERS },
        });
        expect(lan.status).toBe(421);
        // The studio page of this server may drive admin: its port is the engine's.
        const own = await raw(`${origin}/__engine/pace`, {
          method: 'POST',
          headers: {
            origin,
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            ...ENGINE_ADMIN_HEADERS,
          },
          body: '{"ms":0}',
        });
        expect(own.status).toBe(200);
      }
      const denied = await fetch(
        `${dev.resolvedUrls!.local[0]!.replace(/\/$/, '')}/midjourney/tasks`,
        {
          method: 'POST',
          headers: { authorization: 'Bearer wrong', 'content-type': 'application/json' },
          body: '{}',
        },
      );
      expect(denied.status).toBe(401);
    } finally {
      await dev.close();
      await new Promise<void>((resolve) => prev.httpServer.close(() => resolve()));
    }
  });
});
