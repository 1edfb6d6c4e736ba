import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngineServer, type EngineServer } from '../../host/http-server';

let server: EngineServer;

beforeAll(async () => {
  server = await startEngineServer({ port: 0, paceMs: 0 });
});
afterAll(() => server.close());

describe('attachments over real HTTP from the CDN origin', () => {
  it('answer one byte range with 206 and its content-range, as a video player asks', async () => {
    const res = await fetch(`${server.url}/midjourney/imagine`, {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'a brass bell --seed 2' }),
    });
    const body = (await res.json()) as { raw_image_url: string };
    const link = new URL(body.raw_image_url);
    expect(link.origin).toBe(new URL(server.cdnUrl).origin);
    const whole = Buffer.from(await (await fetch(link)).arrayBuffer());
    const part = await fetch(link, { headers: { range: 'bytes=10-19' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('accept-ranges')).toBe('bytes');
    expect(part.headers.get('content-range')).toBe(`bytes 10-19/${whole.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(whole.subarray(10, 20))).toBe(true);
  });
});
