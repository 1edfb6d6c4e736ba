import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../endpoints/create-engine';
import { call, getUrl, imagineWait, type Json } from '../endpoints/fixtures/engine-test-kit';
import { linkValid, signedQuery } from './ids';
import { startEngineServer, type EngineServer } from '../host/http-server';

describe('attachment links (ex, hm)', () => {
  const secret = 'k';
  const path = '/attachments/t/1/a.png';
  const at = 1_800_000_000_000;
  const query = new URLSearchParams(signedQuery(path, secret, at, 60));

  it('are valid for their path until they expire', () => {
    expect(linkValid(path, query, secret, at)).toBe(true);
    expect(linkValid(path, query, secret, at + 60_000)).toBe(true);
    expect(linkValid(path, query, secret, at + 61_000)).toBe(false);
  });

  it('are refused when tampered with, signed by another engine, or moved to another path', () => {
    const later = new URLSearchParams(query);
    later.set('ex', (Number.parseInt(query.get('ex')!, 16) + 3600).toString(16));
    expect(linkValid(path, later, secret, at)).toBe(false);
    const bent = new URLSearchParams(query);
    bent.set('hm', `${query.get('hm')!.slice(0, -1)}0`.replace(/00$/, '01'));
    expect(linkValid(path, bent, secret, at)).toBe(false);
    expect(linkValid(path, query, 'other-engine', at)).toBe(false);
    expect(linkValid('/attachments/t/1/b.png', query, secret, at)).toBe(false);
    expect(linkValid(path, new URLSearchParams(''), secret, at)).toBe(false);
  });
});

describe('the engine with expiring links', () => {
  let engine: Engine;
  let clock = 1_800_000_000_000;
  let grid: Json;
  beforeAll(async () => {
    engine = createEngine({ paceMs: 0, linkTtlS: 60, now: () => clock });
    grid = await imagineWait(engine, { prompt: 'a tide pool --seed 2' });
  });
  afterAll(() => engine.close());

  it('serves a live link, and answers 404 once it expired or was tampered with', async () => {
    const url = String(grid.raw_image_url);
    expect((await getUrl(engine, url)).status).toBe(200);
    expect((await getUrl(engine, url.replace(/hm=[0-9a-f]/, 'hm=x'))).status).toBe(404);
    const other = url.replace(/\/[^/?]+\.png/, '/other.png');
    expect((await getUrl(engine, other)).status).toBe(404);
    clock += 61_000;
    expect((await getUrl(engine, url)).status).toBe(404);
    clock -= 61_000;
  });

  it('an image prompt naming an expired engine link fails as a dead link would', async () => {
    clock += 61_000;
    const res = await call(engine, '/midjourney/imagine', {
      prompt: `${String(grid.raw_image_url)} a tide pool at dusk`,
    });
    const body = (await res.json()) as Json;
    clock -= 61_000;
    expect(body).toMatchObject({ success: false, error: { code: 'bad_request' } });
    expect(String((body.error as Json).message)).toMatch(/Cannot fetch image URL .*HTTP 404/);
  });

  it('a blend naming one live and one expired engine link fails too; so does a tampered link', async () => {
    const live = String(grid.raw_image_url);
    const other = await imagineWait(engine, { prompt: 'a rock pool --seed 3' });
    clock += 30_000;
    // Issued 30 s later, so it outlives the first link by 30 s.
    const later = await imagineWait(engine, { prompt: 'a sea cave --seed 4' });
    clock += 31_000;
    const blend = await call(engine, '/midjourney/imagine', {
      prompt: `${String(later.raw_image_url)} ${live} a blend`,
    });
    const body = (await blend.json()) as Json;
    expect(body).toMatchObject({ success: false, error: { code: 'bad_request' } });
    expect(String((body.error as Json).message)).toMatch(/Cannot fetch image URL .*HTTP 404/);
    clock -= 61_000;
    // Read from the engine's own store, never the network: still refused when the mac is wrong.
    const tampered = String(other.raw_image_url).replace(/hm=([0-9a-f])/, (_m, c: string) =>
      c === '0' ? 'hm=1' : 'hm=0',
    );
    const bent = await call(engine, '/midjourney/imagine', { prompt: `${tampered} a blend` });
    expect(String(((await bent.json()) as Json & { error: Json }).error.message)).toMatch(
      /Cannot fetch image URL .*HTTP 404/,
    );
  });

  it('attachments carry no access-control headers while the CDN CORS is off (the default)', async () => {
    const res = await getUrl(engine, String(grid.raw_image_url));
    expect([...res.headers.keys()].filter((k) => k.startsWith('access-control-'))).toEqual([]);
  });
});

describe('the CDN on its own origin', () => {
  let server: EngineServer;
  beforeAll(async () => {
    server = await startEngineServer({ port: 0, paceMs: 0, cdnCors: true });
  });
  afterAll(() => server.close());

  it('links point at the CDN port, which serves them with CORS when on; the API port answers preflights for authorization', async () => {
    const res = await fetch(`${server.url}/midjourney/imagine`, {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'a tide pool --seed 2' }),
    });
    const body = (await res.json()) as Json;
    const url = new URL(String(body.raw_image_url));
    expect(url.origin).toBe(server.cdnUrl);
    expect(url.origin).not.toBe(server.url);
    const image = await fetch(url);
    expect(image.status).toBe(200);
    expect(image.headers.get('access-control-allow-origin')).toBe('*');
    expect((await fetch(`${server.cdnUrl}/midjourney/tasks`, { method: 'POST' })).status).toBe(404);
    const preflight = await fetch(`${server.url}/midjourney/imagine`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://studio.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/);
  });
});
