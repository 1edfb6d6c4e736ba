import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { crc32, deflateSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_PROMPT_CHARS } from '../../src/api/prompt-syntax';
import { createEngine, type Engine } from './create-engine';
import {
  ENGINE_ADMIN_HEADERS,
  call,
  callJson,
  imagineWait,
  ORIGIN,
  type Json,
} from './fixtures/engine-test-kit';
import { startEngineServer, type EngineServer } from '../host/http-server';

/** A PNG whose header claims `w`×`h` pixels, 70-odd bytes long (nothing behind it to decode). */
function claimedPng(w: number, h: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(16))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

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

  it('with no token required, the task list is not readable by other origins', async () => {
    const open = createEngine({ paceMs: 0 });
    const list = await call(
      open,
      '/midjourney/tasks',
      { action: 'retrieve_batch' },
      {
        token: 'anything',
        headers: { origin: 'https://evil.example' },
      },
    );
    expect(list.status).toBe(200);
    expect(list.headers.get('access-control-allow-origin')).toBeNull();
    open.close();
    // With a token, the API answers CORS as a public API does.
    const guarded = await call(
      engine,
      '/midjourney/tasks',
      { action: 'retrieve_batch' },
      {
        token: 'secret',
      },
    );
    expect(guarded.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('bounds', () => {
  let engine: Engine;
  const fetched = { pulled: 0 };
  beforeAll(() => {
    engine = createEngine({
      paceMs: 0,
      fetchImpl: async (input) => {
        const url = String(input instanceof Request ? input.url : input);
        if (url.includes('huge.png'))
          return new Response(new Uint8Array(claimedPng(16_000, 16_000)), {
            headers: { 'content-type': 'image/png' },
          });
        // Endless bytes and no content-length: only a cap while streaming stops it.
        const chunk = new Uint8Array(1024 * 1024);
        const body = new ReadableStream<Uint8Array>({
          pull(c) {
            fetched.pulled += chunk.length;
            c.enqueue(chunk);
            if (fetched.pulled >= 200 * 1024 * 1024) c.close();
          },
        });
        return new Response(body, { headers: { 'content-type': 'image/png' } });
      },
    });
  });
  afterAll(() => engine.close());

  it('a mask larger than its image is a bad_request that says so, before it is decoded', async () => {
    const grid = await imagineWait(engine, { prompt: 'a calm bay --seed 3' });
    const up = await imagineWait(engine, { action: 'upscale1', image_id: grid.image_id });
    const res = await callJson(engine, '/midjourney/imagine', {
      action: 'variation_region',
      image_id: up.image_id,
      mask: claimedPng(16_000, 16_000).toString('base64'),
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'bad_request' } });
    expect(String((res.body.error as Json).message)).toMatch(/16000×16000.*larger than image/);
  });

  it('an image prompt over the pixel limit fails the task with a clear message', async () => {
    const res = await callJson(engine, '/midjourney/imagine', {
      prompt: 'https://img.example/huge.png a calm bay',
    });
    expect(res.body).toMatchObject({ success: false, error: { code: 'bad_request' } });
    expect(String((res.body.error as Json).message)).toMatch(/16000×16000 pixels.*at most/);
  });

  it('a fetched reference with no length is cut at 20 MB while it streams', async () => {
    const res = await callJson(engine, '/midjourney/imagine', {
      prompt: 'https://img.example/endless.png a calm bay',
    });
    expect(res.body).toMatchObject({ success: false, error: { code: 'bad_request' } });
    expect(String((res.body.error as Json).message)).toMatch(/larger than 20 MB/);
    expect(fetched.pulled).toBeLessThan(30 * 1024 * 1024);
  });

  it('a stored request (its mask) counts in the memory bound', async () => {
    const grid = await imagineWait(engine, { prompt: 'a quiet field --seed 4' });
    const before = engine.state().request_bytes;
    const mask = Buffer.alloc(300_000, 7).toString('base64');
    // A mask that is no image is refused before a task exists: send a real one, padded in a field.
    await imagineWait(engine, { action: 'upscale1', image_id: grid.image_id, note: mask });
    expect(engine.state().request_bytes - before).toBeGreaterThan(mask.length);
  });

  it('a 200,000-character prompt is refused with the limit in words', async () => {
    const res = await callJson(engine, '/midjourney/imagine', { prompt: 'a'.repeat(200_000) });
    expect(res.status).toBe(400);
    expect(String((res.body.error as Json).message)).toMatch(
      /200000 characters long; the limit is 6000/,
    );
  });

  // The studio's prompt check holds back from the same shared figure (src/prompt/lint.test.ts).
  it('takes a prompt of exactly the shared limit and refuses one character more', async () => {
    const at = 'a'.repeat(MAX_PROMPT_CHARS);
    const over = `${at}a`;
    expect((await imagineWait(engine, { prompt: at })).image_id).toBeTruthy();
    expect((await callJson(engine, '/midjourney/imagine', { prompt: over })).status).toBe(400);
  });
});

describe('over real HTTP', () => {
  let server: EngineServer;
  beforeAll(async () => {
    server = await startEngineServer({ port: 0, paceMs: 0, token: 't' });
  });
  afterAll(() => server.close());

  const raw = (text: string): Promise<string> =>
    new Promise((resolve) => {
      const sock = connect(server.port, '127.0.0.1');
      let out = '';
      sock.on('data', (d: Buffer) => (out += d.toString()));
      sock.on('error', (e) => resolve(`error ${String(e)}`));
      sock.on('close', () => resolve(out));
      sock.end(text);
    });

  it('a method a fetch Request cannot carry gets an error reply, and the engine lives on', async () => {
    const reply = await raw(
      'TRACE /midjourney/imagine HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}',
    );
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect(reply).toMatch(/"code":"bad_request"/);
    const state = await fetch(`${server.url}/__engine/state`, {
      headers: { authorization: 'Bearer t', ...ENGINE_ADMIN_HEADERS },
    });
    expect(state.status).toBe(200);
  });

  it('a body the engine refuses unread is drained: the client gets the answer, not a reset', async () => {
    // 25 MB sent chunked (no length): refused once 20 MB were read, the rest still on its way.
    const body = Buffer.alloc(25 * 1024 * 1024, 0x20);
    const errors: string[] = [];
    const outcome = await new Promise<string>((resolve) => {
      let reply = '';
      let pending = 2;
      const settle = (): void => {
        pending -= 1;
        if (pending === 0) resolve(reply);
      };
      const req = httpRequest(
        `${server.url}/midjourney/imagine`,
        {
          method: 'POST',
          headers: {
            authorization: 'Bearer t',
            'content-type': 'application/json',
            'transfer-encoding': 'chunked',
          },
        },
        (res) => {
          let text = '';
          res.on('data', (d: Buffer) => (text += d.toString()));
          res.on('end', () => {
            reply = `${res.statusCode} ${text}`;
            settle();
          });
        },
      );
      req.on('error', (e) => {
        errors.push(String(e));
        if (!reply) settle();
      });
      req.on('close', settle);
      for (let i = 0; i < body.length; i += 1024 * 1024)
        req.write(body.subarray(i, i + 1024 * 1024));
      req.end();
    });
    expect(errors).toEqual([]);
    expect(outcome).toMatch(/^413 .*too_large/);
  });
});
