import type { IncomingHttpHeaders } from 'node:http';
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { StudioServer } from './app';
import { gate, listen, makeDist, raw, startStudio } from './fixtures/studio-test-kit';

const TOKEN = 'sk-secret-token-1234';
let upstream: Awaited<ReturnType<typeof listen>>;
let studio: StudioServer;
let seen: { method: string; url: string; headers: IncomingHttpHeaders; body: string }[] = [];
/** Opened by the test once it has read the first NDJSON line through the studio. */
let firstLineRead = gate();

beforeAll(async () => {
  upstream = await listen((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      if (req.url === '/gw/midjourney/imagine') {
        res.writeHead(200, { 'content-type': 'application/x-ndjson', 'x-trace-id': 't-1' });
        res.write('{"progress":10}\n');
        // The second line is only written once the client has the first: a buffering
        // pass-through would never hand over the first, and the test would time out.
        void firstLineRead.promise.then(() => res.end('{"progress":100}\n'));
        return;
      }
      res.writeHead(429, {
        'content-type': 'application/json',
        'retry-after': '3',
        'set-cookie': 'session=upstream',
        'access-control-allow-origin': '*',
        server: 'upstream/1.0',
      });
      res.end(
        JSON.stringify({
          success: false,
          error: { code: 'too_many_requests', message: 'x'.repeat(2000) },
        }),
      );
    });
  });
  studio = await startStudio(await makeDist(), { passThroughTarget: `${upstream.origin}/gw` });
});
afterAll(async () => {
  await studio.close();
  await upstream.close();
});
afterEach(() => {
  seen = [];
  firstLineRead = gate();
  vi.restoreAllMocks();
});

describe('the AceData pass-through', () => {
  it('streams NDJSON lines through as they come, uncompressed', async () => {
    const lines: string[] = [];
    const headers = await new Promise<IncomingHttpHeaders>((resolve, reject) => {
      const req = request(`${studio.url}/acedata/midjourney/imagine`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/x-ndjson',
          'accept-encoding': 'gzip, br',
          authorization: `Bearer ${TOKEN}`,
        },
      });
      req.on('response', (res) => {
        let buffered = '';
        res.on('data', (c: Buffer) => {
          buffered += c.toString();
          while (buffered.includes('\n')) {
            const at = buffered.indexOf('\n');
            lines.push(buffered.slice(0, at));
            buffered = buffered.slice(at + 1);
            if (lines.length === 1) firstLineRead.open();
          }
        });
        res.on('end', () => resolve(res.headers));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(JSON.stringify({ prompt: 'a fox' }));
    });
    expect(lines).toEqual(['{"progress":10}', '{"progress":100}']);
    expect(headers['content-type']).toBe('application/x-ndjson');
    expect(headers['content-encoding']).toBeUndefined();
    expect(headers['x-trace-id']).toBe('t-1');
    expect(seen[0]).toMatchObject({
      method: 'POST',
      url: '/gw/midjourney/imagine',
      body: '{"prompt":"a fox"}',
    });
  });

  it('forwards only the headers the API needs, both ways, and logs no token', async () => {
    const logged: unknown[] = [];
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const)
      vi.spyOn(console, method).mockImplementation(
        (...args: unknown[]) => void logged.push(...args),
      );
    const res = await raw(`${studio.url}/acedata/midjourney/tasks?x=1`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${TOKEN}`,
        'content-type': 'application/json',
        accept: 'application/json',
        'x-trace-id': 'trace-9',
        traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
        cookie: 'studio-session=1',
        'x-forwarded-for': '10.0.0.7',
        origin: 'http://127.0.0.1:1',
        'x-api-key': 'other-secret',
        'accept-encoding': 'gzip',
      },
      body: '{}',
    });
    const sent = seen[0]!;
    expect(sent.url).toBe('/gw/midjourney/tasks?x=1');
    expect(sent.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(sent.headers['x-trace-id']).toBe('trace-9');
    expect(sent.headers.traceparent).toBe(
      '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    );
    for (const name of ['cookie', 'x-forwarded-for', 'origin', 'x-api-key', 'referer'])
      expect(sent.headers[name], name).toBeUndefined();
    expect(sent.headers.host).toBe(new URL(upstream.origin).host);

    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('3');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers.server).toBeUndefined();
    // JSON answers are compressed like any other; the body arrives whole.
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(res.body).toString())).toMatchObject({
      error: { code: 'too_many_requests' },
    });
    expect(JSON.stringify(logged)).not.toContain(TOKEN);
  });

  it('says in the provider shape when the target cannot be reached', async () => {
    const closed = await listen(() => undefined);
    const target = `${closed.origin}`;
    await closed.close();
    const lonely = await startStudio(await makeDist(), {
      passThroughTarget: target,
      engine: false,
    });
    try {
      const res = await raw(`${lonely.url}/acedata/midjourney/imagine`, {
        method: 'POST',
        body: '{}',
      });
      expect(res.status).toBe(502);
      expect(JSON.parse(res.body.toString())).toEqual({
        success: false,
        error: { code: 'api_error', message: `The studio could not reach ${target}.` },
      });
    } finally {
      await lonely.close();
    }
  });
});

describe('the pass-through forwards only what the API speaks', () => {
  let api: Awaited<ReturnType<typeof listen>>;
  let through: StudioServer;
  const answers: Record<string, [string | undefined, string]> = {
    '/json': ['application/json; charset=utf-8', '{"success":true}'],
    '/ndjson': ['application/x-ndjson', '{"progress":10}\n'],
    '/events': ['text/event-stream', 'data: {"progress":10}\n\n'],
    '/html': ['text/html', '<script>alert(document.cookie)</script>'],
    '/script': ['text/javascript', 'alert(document.cookie)'],
    '/svg': ['image/svg+xml', '<svg onload="alert(1)"/>'],
    '/two-types': ['application/json, text/html', '<script>alert(1)</script>'],
    '/untyped': [undefined, '<script>alert(1)</script>'],
  };
  beforeAll(async () => {
    api = await listen((req, res) => {
      const [type, body] = answers[req.url ?? ''] ?? [undefined, ''];
      req.resume();
      res.writeHead(200, {
        ...(type ? { 'content-type': type } : {}),
        'cache-control': 'public, max-age=3600',
      });
      res.end(body);
    });
    through = await startStudio(await makeDist(), { passThroughTarget: api.origin, engine: false });
  });
  afterAll(async () => {
    await through.close();
    await api.close();
  });

  it('JSON, NDJSON and event streams pass, as attachments in a sandbox, never stored', async () => {
    for (const path of ['/json', '/ndjson', '/events']) {
      const res = await raw(`${through.url}/acedata${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers['content-type'], path).toBe(answers[path]![0]);
      expect(res.body.toString(), path).toBe(answers[path]![1]);
      expect(res.headers['content-disposition'], path).toBe('attachment');
      expect(res.headers['content-security-policy'], path).toBe("default-src 'none'; sandbox");
      expect(res.headers['cache-control'], path).toBe('no-store');
    }
  });

  it('anything else comes back as 502 with words, and none of its bytes', async () => {
    for (const path of ['/html', '/script', '/svg', '/two-types', '/untyped']) {
      const res = await raw(`${through.url}/acedata${path}`);
      expect(res.status, path).toBe(502);
      expect(res.headers['content-type'], path).toBe('application/json');
      const body = JSON.parse(res.body.toString()) as { error: { message: string } };
      expect(body.error.message, path).toMatch(
        /not an API answer \(JSON, NDJSON or an event stream\)/,
      );
      expect(res.body.toString(), path).not.toContain('alert');
      expect(res.headers['content-disposition'], path).toBe('attachment');
      expect(res.headers['content-security-policy'], path).toContain('sandbox');
    }
  });
});
