import { afterEach, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createEngine, type Engine } from '../create-engine';
import type { EngineOptions } from '../../engine/options';
import {
  ENGINE_ADMIN_HEADERS,
  ORIGIN,
  callJson,
  getUrl,
  imagineWait,
} from '../fixtures/engine-test-kit';
import { MAX_UPLOAD_BYTES } from './uploads-route';

let engine: Engine | undefined;
afterEach(() => engine?.close());

function start(options: EngineOptions = {}): Engine {
  engine = createEngine({ paceMs: 5, ...options });
  return engine;
}

const png = (size = 64) =>
  sharp({ create: { width: size, height: size, channels: 3, background: '#3a6' } })
    .png()
    .toBuffer();

function post(
  e: Engine,
  body: BodyInit,
  headers: Record<string, string> = { 'content-type': 'image/png' },
): Promise<Response> {
  // A streamed body needs `duplex: 'half'`, which the DOM typings do not know yet.
  const init: RequestInit & { duplex: 'half' } = {
    method: 'POST',
    headers: { ...ENGINE_ADMIN_HEADERS, ...headers },
    body,
    duplex: 'half',
  };
  return e.handle(new Request(`${ORIGIN}/__engine/uploads`, init));
}

async function code(res: Response): Promise<[number, unknown]> {
  const body = (await res.json()) as { error?: { code?: string } };
  return [res.status, body.error?.code];
}

describe('POST /__engine/uploads', () => {
  it('keeps the picture and answers a fresh signed link that serves the same bytes', async () => {
    const e = start();
    const bytes = await png();
    const res = await post(e, bytes);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { url: string; width: number; height: number };
    expect(body).toMatchObject({ success: true, width: 64, height: 64 });
    expect(body.url).toMatch(/\/attachments\/uploads\/[0-9a-f-]+\/reference\.png\?ex=[0-9a-f]+&/);
    const served = await getUrl(e, body.url);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
    // An image prompt that names it works like any live link.
    const done = await imagineWait(e, { prompt: `${body.url} a green field --seed 3` });
    expect(done).toMatchObject({ success: true });
    expect(done.image_url).toBeTypeOf('string');
  });

  it('its link expires like every other, and no cache keeps it longer than its link lives', async () => {
    let now = Date.UTC(2026, 0, 1);
    const e = start({ linkTtlS: 60, now: () => now });
    const { url } = (await (await post(e, await png())).json()) as { url: string };
    const fresh = await getUrl(e, url);
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('cache-control')).toBe('public, max-age=60, immutable');
    expect(fresh.headers.get('x-content-type-options')).toBe('nosniff');
    now += 45_000;
    expect((await getUrl(e, url)).headers.get('cache-control')).toBe(
      'public, max-age=15, immutable',
    );
    now += 16_000;
    expect((await getUrl(e, url)).status).toBe(404);
  });

  it("needs the engine's token when one is set", async () => {
    const e = start({ token: 'secret-1' });
    expect(await code(await post(e, await png()))).toEqual([401, 'invalid_token']);
    const ok = await post(e, await png(), {
      'content-type': 'image/png',
      authorization: 'Bearer secret-1',
    });
    expect(ok.status).toBe(200);
  });

  it('refuses a web page of another origin', async () => {
    const e = start();
    const res = await post(e, await png(), {
      'content-type': 'image/png',
      origin: 'https://evil.example',
    });
    expect(await code(res)).toEqual([403, 'forbidden']);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('takes only picture types, never a form or plain text a page could send unasked', async () => {
    const e = start();
    const bytes = await png();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/json']) {
      expect(await code(await post(e, bytes, { 'content-type': type })), type).toEqual([
        415,
        'unsupported_media_type',
      ]);
    }
    const state = (await callJson(e, '/__engine/state', undefined, { method: 'GET' })).body;
    expect(state.files).toBe(0);
  });

  it('refuses bytes that only claim to be a picture', async () => {
    const e = start();
    const fake = Buffer.from('<svg onload="alert(1)"></svg>');
    expect(await code(await post(e, fake))).toEqual([400, 'bad_request']);
    const truncated = (await png()).subarray(0, 20);
    expect(await code(await post(e, truncated))).toEqual([400, 'bad_request']);
  });

  it('refuses an empty body with a clear error, not a server error', async () => {
    const e = start();
    const res = await post(e, new Uint8Array(0));
    expect(await code(res)).toEqual([400, 'bad_request']);
  });

  it('refuses a picture over the size cap, declared or streamed', async () => {
    const e = start();
    const big = Buffer.alloc(MAX_UPLOAD_BYTES + 1);
    expect(await code(await post(e, big))).toEqual([413, 'too_large']);
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 17; i++) c.enqueue(new Uint8Array(1024 * 1024));
        c.close();
      },
    });
    expect(await code(await post(e, stream))).toEqual([413, 'too_large']);
  });

  it('counts in the memory bound: over it, the oldest uploads go first', async () => {
    const bytes = await png(256);
    const e = start({ maxBytes: bytes.length * 2 + 10 });
    const urls: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { url } = (await (await post(e, bytes)).json()) as { url: string };
      urls.push(url);
    }
    const state = (await callJson(e, '/__engine/state', undefined, { method: 'GET' })).body;
    expect(state.files).toBe(2);
    expect(state.bytes).toBe(bytes.length * 2);
    expect((await getUrl(e, urls[0]!)).status).toBe(404);
    expect((await getUrl(e, urls[2]!)).status).toBe(200);
  });
});
