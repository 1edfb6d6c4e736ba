import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from './create-engine';
import { isEnginePath } from './router';
import { ORIGIN, call, callJson, getUrl, imagineWait, type Json } from './fixtures/engine-test-kit';

let open: Engine;
let locked: Engine;

beforeAll(() => {
  open = createEngine({ paceMs: 0 });
  locked = createEngine({ paceMs: 0, token: 's3cret' });
});
afterAll(() => {
  open.close();
  locked.close();
});

const listing = { action: 'retrieve_batch' };

describe('auth, as the provider does it', () => {
  it('no authorization header → 400 no_token, configured token or not', async () => {
    for (const engine of [open, locked]) {
      const res = await callJson(engine, '/midjourney/tasks', listing, { token: null });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ success: false, error: { code: 'no_token' } });
      expect(typeof res.body.trace_id).toBe('string');
    }
  });

  it('with a configured token: a wrong token or a missing `Bearer ` → 401 invalid_token', async () => {
    const wrong = await callJson(locked, '/midjourney/tasks', listing, { token: 'nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({
      success: false,
      error: { code: 'invalid_token', message: 'The specified token is invalid or wrong.' },
    });
    const bare = await callJson(locked, '/midjourney/tasks', listing, {
      token: null,
      headers: { authorization: 's3cret' },
    });
    expect(bare.status).toBe(401);
    const right = await callJson(locked, '/midjourney/tasks', listing, { token: 's3cret' });
    expect(right.status).toBe(200);
    expect(right.body).toEqual({ items: [], count: 0 });
  });

  it('without a configured token any bearer is accepted', async () => {
    const res = await callJson(open, '/midjourney/tasks', listing, { token: 'whatever-you-like' });
    expect(res.status).toBe(200);
  });

  it("attachment paths need no token; admin needs the engine's token when one is set", async () => {
    const state = await callJson(locked, '/__engine/state', undefined, {
      token: null,
      method: 'GET',
    });
    expect(state.status).toBe(401);
    const open = await callJson(locked, '/__engine/state', undefined, {
      token: 's3cret',
      method: 'GET',
    });
    expect(open.status).toBe(200);
    const img = await call(locked, '/attachments/x/y/z.png', undefined, {
      token: null,
      method: 'GET',
    });
    expect(img.status).toBe(404);
  });
});

describe('request errors', () => {
  it('malformed JSON → 400 with the provider message', async () => {
    for (const raw of ['{"prompt": ', '[1,2]', '']) {
      const res = await callJson(open, '/midjourney/imagine', undefined, { raw });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        success: false,
        error: { code: 'bad_request', message: 'The json payload is not valid to request the API' },
      });
    }
  });

  it('a body over 20 MB → 413 too_large (declared or streamed)', async () => {
    const huge = JSON.stringify({ prompt: 'a cat', mask: 'A'.repeat(21 * 1024 * 1024) });
    const declared = await callJson(open, '/midjourney/imagine', undefined, { raw: huge });
    expect(declared.status).toBe(413);
    expect(declared.body).toMatchObject({ success: false, error: { code: 'too_large' } });
    // A chunked body has no content-length: the reader counts as it goes.
    const bytes = new TextEncoder().encode(huge);
    const streamed = await open.handle(
      new Request(`${ORIGIN}/midjourney/imagine`, {
        method: 'POST',
        headers: { authorization: 'Bearer x', 'content-type': 'application/json' },
        body: new ReadableStream({
          start(c) {
            for (let i = 0; i < bytes.length; i += 1 << 20)
              c.enqueue(bytes.subarray(i, i + (1 << 20)));
            c.close();
          },
        }),
        duplex: 'half',
      } as RequestInit),
    );
    expect(streamed.status).toBe(413);
  });

  it('unknown paths → 404 no_api; sibling APIs answer for themselves', async () => {
    const unknown = await callJson(open, '/midjourney/nothing', {});
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ success: false, error: { code: 'no_api' } });
    const get = await callJson(open, '/midjourney/imagine', undefined, { method: 'GET' });
    expect(get.status).toBe(404);
    const admin = await callJson(open, '/__engine/nothing', undefined, { method: 'GET' });
    expect(admin.status).toBe(404);
    const describeApi = await callJson(open, '/midjourney/describe', {});
    expect(describeApi.status).toBe(400);
    expect(describeApi.body.error).toEqual({
      code: 'bad_request',
      message: 'image_url is required',
    });
  });

  it('wait mode answers 504 timeout after `timeout` seconds; the task carries on', async () => {
    const slow = createEngine({ paceMs: 100 });
    try {
      const res = await callJson(slow, '/midjourney/imagine', {
        prompt: 'x --seed 1',
        timeout: 0.05,
      });
      expect(res.status).toBe(504);
      expect(res.body).toMatchObject({
        success: false,
        error: { code: 'timeout', message: 'Timeout to generate the image.' },
      });
      expect(slow.state().active_jobs).toBe(1);
      await slow.idle();
      const task = await callJson(slow, '/midjourney/tasks', { id: res.body.task_id });
      expect(task.body.state).toBe('finished');
    } finally {
      slow.close();
    }
  });

  it('only engine paths belong to the engine', () => {
    expect(isEnginePath('/midjourney/imagine')).toBe(true);
    expect(isEnginePath('/attachments/a/b/c.png')).toBe(true);
    expect(isEnginePath('/__engine/state')).toBe(true);
    expect(isEnginePath('/')).toBe(false);
    expect(isEnginePath('/src/main.tsx')).toBe(false);
    expect(isEnginePath('/midjourneyx')).toBe(false);
  });
});

describe('CORS and attachments', () => {
  it('answers the preflight for /midjourney/* with authorization, content-type and accept allowed', async () => {
    const res = await open.handle(
      new Request(`${ORIGIN}/midjourney/imagine`, {
        method: 'OPTIONS',
        headers: {
          origin: 'http://elsewhere.test',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type, accept',
        },
      }),
    );
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    const allowed = (res.headers.get('access-control-allow-headers') ?? '').split(/,\s*/);
    expect(allowed).toEqual(expect.arrayContaining(['authorization', 'content-type', 'accept']));
  });

  it('serves finals with immutable caching (as long as the link lives), nosniff, CORS (when the CDN allows it) and the right type; HEAD has no body', async () => {
    // A still clock: the link was signed at the same second it is served.
    const cdn = createEngine({ paceMs: 0, cdnCors: true, now: () => 1_700_000_000_000 });
    const final = await imagineWait(cdn, { prompt: 'a paper lantern --seed 3' });
    const res = await getUrl(cdn, String(final.raw_image_url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400, immutable');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(Number(res.headers.get('content-length'))).toBe(bytes.length);
    const head = await getUrl(cdn, String(final.image_url), 'HEAD');
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeLessThan(bytes.length);
    expect((await head.arrayBuffer()).byteLength).toBe(0);
    cdn.close();
  });

  it('builds image URLs from the origin the request came to', async () => {
    const res = await callJson(
      open,
      '/midjourney/imagine',
      { prompt: 'a paper lantern --seed 3' },
      {
        origin: 'http://127.0.0.1:4173',
      },
    );
    expect(String((res.body as Json).image_url)).toMatch(
      /^http:\/\/127\.0\.0\.1:4173\/attachments\//,
    );
  });
});
