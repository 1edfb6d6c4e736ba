import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_ADMIN_HEADERS } from '../../src/api/engine-admin';
import { PROVIDER_CDN_ORIGINS } from '../../src/api/origins';
import type { StudioServer } from './app';
import { gzipSync } from 'node:zlib';
import { checkPictureUrl } from '../shared/allowed-fetch';
import { createRelay } from './relay';
import { exchange, listen, makeDist, raw, startStudio } from './fixtures/studio-test-kit';

const ENGINE_CDN = 'http://127.0.0.1:4999';
const allowed = new Set([...PROVIDER_CDN_ORIGINS, ENGINE_CDN]);
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
/** A response planted in a picture's bytes, where a relay that lies about length puts it. */
const PLANTED =
  'HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: 25\r\n\r\n<script>alert(1)</script>';
/** A picture whose decoded bytes run on well past its gzipped length. */
const LONG_PICTURE = Buffer.concat([PNG, Buffer.alloc(2000, 0x20), Buffer.from(PLANTED)]);

describe('checkPictureUrl', () => {
  it.each([
    'https://midjourney.cdn.acedata.cloud/attachments/1/a.png?ex=1&hm=2',
    'https://platform.cdn.acedata.cloud/v.mp4',
    'https://MIDJOURNEY.cdn.acedata.cloud:443/a.png',
    'https://midjourney%2Ecdn.acedata.cloud/a.png',
    `${ENGINE_CDN}/attachments/x.png`,
    // The reference's videos answer: its clips and cover.
    'https://storage.fonedis.cc//video/1c67c36c-8177-4f19-ad72-1dc1567265a6/0_0.mp4',
    'https://storage.fonedis.cc/upload_1751816808164156352.png',
  ])('lets %s through', (url) => {
    expect(checkPictureUrl(url, allowed).ok).toBe(true);
  });

  it.each([
    ['credentials before another host', 'https://midjourney.cdn.acedata.cloud@evil.com/a.png'],
    ['credentials before an allowed host', 'https://evil.com@midjourney.cdn.acedata.cloud/a.png'],
    ['a password', 'https://u:p@midjourney.cdn.acedata.cloud/a.png'],
    ['an allowed name as a prefix', 'https://midjourney.cdn.acedata.cloud.evil.com/a.png'],
    ['an allowed name as a suffix', 'https://evilmidjourney.cdn.acedata.cloud/a.png'],
    ['a trailing dot', 'https://midjourney.cdn.acedata.cloud./a.png'],
    ['an http downgrade', 'http://midjourney.cdn.acedata.cloud/a.png'],
    ['another port', 'https://midjourney.cdn.acedata.cloud:8443/a.png'],
    ['file:', 'file:///etc/passwd'],
    ['data:', 'data:image/png;base64,AAAA'],
    ['javascript:', 'javascript:alert(1)'],
    ['ftp:', 'ftp://midjourney.cdn.acedata.cloud/a.png'],
    ['an encoded other host', 'https://%65vil.com/a.png'],
    ['an encoded @', 'https://midjourney.cdn.acedata.cloud%40evil.com/a.png'],
    ['a backslash trick', 'https://evil.com\\@midjourney.cdn.acedata.cloud/a.png'],
    ['IPv6 loopback', 'https://[::1]/a.png'],
    ['IPv4-mapped IPv6 loopback', 'http://[::ffff:127.0.0.1]:4999/a.png'],
    ['localhost at the engine CDN port', 'http://localhost:4999/a.png'],
    ['the loopback on another port', 'http://127.0.0.1:22/'],
    ['the engine CDN over https', 'https://127.0.0.1:4999/a.png'],
    ['a metadata address', 'http://169.254.169.254/latest/meta-data/'],
    [
      'an allowed host as userinfo that looks like a port',
      'https://midjourney.cdn.acedata.cloud:443@evil.com/a.png',
    ],
    ['an allowed host after a fragment', 'https://evil.com#@midjourney.cdn.acedata.cloud/a.png'],
    ['an allowed host after a query', 'https://evil.com?@midjourney.cdn.acedata.cloud/a.png'],
    ['an IPv4 literal of another host', 'https://93.184.216.34/a.png'],
    ['a decimal IP literal on another port', 'http://2130706433:22/a.png'],
    ['an IPv6 literal of another host', 'https://[2606:2800:220:1::1]/a.png'],
    ['a relative URL', '/attachments/a.png'],
    ['no scheme', 'midjourney.cdn.acedata.cloud/a.png'],
  ])('refuses %s', (_what, url) => {
    const check = checkPictureUrl(url, allowed);
    expect(check.ok).toBe(false);
  });

  it('treats other spellings of the engine CDN address as that same address', () => {
    // 2130706433 is 127.0.0.1: URL parsing normalises it, so it is the allowed origin itself.
    expect(checkPictureUrl('http://2130706433:4999/a.png', allowed)).toMatchObject({ ok: true });
    expect(checkPictureUrl('http://0x7f000001:4998/a.png', allowed).ok).toBe(false);
  });
});

describe('the relay over HTTP', () => {
  let cdn: Awaited<ReturnType<typeof listen>>;
  let other: Awaited<ReturnType<typeof listen>>;
  let studio: StudioServer;
  let otherHits = 0;
  const gzAsked: string[] = [];

  beforeAll(async () => {
    other = await listen((_req, res) => {
      otherHits++;
      res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    });
    cdn = await listen((req, res) => {
      const path = req.url ?? '';
      if (path === '/a.png')
        res.writeHead(200, { 'content-type': 'image/png', 'set-cookie': 'x=1' }).end(PNG);
      else if (path === '/clip.mp4')
        res.writeHead(200, { 'content-type': 'video/mp4' }).end(Buffer.alloc(64, 1));
      else if (path === '/hop') res.writeHead(302, { location: '/a.png' }).end();
      else if (path === '/away') res.writeHead(302, { location: `${other.origin}/a.png` }).end();
      else if (path === '/away-userinfo')
        // Userinfo naming the allowed origin, the host being the other one.
        res.writeHead(302, { location: `${cdn.origin}@${other.origin.slice(7)}/a.png` }).end();
      else if (path === '/away-ip')
        // The loopback spelled as one decimal number, on the other server's port.
        res
          .writeHead(302, { location: `http://2130706433:${new URL(other.origin).port}/a.png` })
          .end();
      else if (path === '/away-port')
        res.writeHead(307, { location: `//localhost:${new URL(other.origin).port}/a.png` }).end();
      else if (path === '/away-file') res.writeHead(302, { location: 'file:///etc/passwd' }).end();
      else if (path === '/downgrade')
        res.writeHead(301, { location: 'http://midjourney.cdn.acedata.cloud/a.png' }).end();
      else if (path === '/loop') res.writeHead(302, { location: '/loop' }).end();
      else if (path === '/gz.png') {
        // Compressed whatever the relay asked for, its compressed length declared.
        gzAsked.push(String(req.headers['accept-encoding']));
        const gz = gzipSync(LONG_PICTURE);
        res
          .writeHead(200, {
            'content-type': 'image/png',
            'content-encoding': 'gzip',
            'content-length': String(gz.length),
          })
          .end(gz);
      } else if (path === '/mixed.png')
        res.writeHead(200, { 'content-type': 'image/png;x, text/html' }).end(PNG);
      else if (path === '/upper.png')
        res.writeHead(200, { 'content-type': 'IMAGE/PNG; charset=x' }).end(PNG);
      else if (path === '/page.html')
        res.writeHead(200, { 'content-type': 'text/html' }).end('<script>1</script>');
      else if (path === '/pic.svg')
        res.writeHead(200, { 'content-type': 'image/svg+xml' }).end('<svg/>');
      else if (path === '/big.png')
        res
          .writeHead(200, { 'content-type': 'image/png', 'content-length': '5000' })
          .end(Buffer.alloc(5000));
      else if (path === '/big-stream.png') {
        res.writeHead(200, { 'content-type': 'image/png' });
        res.write(Buffer.alloc(3000));
        res.end(Buffer.alloc(3000));
      } else if (path === '/hang.png') {
        // Headers and a first chunk, then nothing: the body never ends.
        res.writeHead(200, { 'content-type': 'image/png' });
        res.write(Buffer.alloc(10));
      } else if (path !== '/silent.png') res.writeHead(404).end(); // silent: never answers
    });
    studio = await startStudio(await makeDist(), { pictureOrigins: [cdn.origin] });
  });
  afterAll(async () => {
    await studio.close();
    await cdn.close();
    await other.close();
  });

  const relay = (url: string) => raw(`${studio.url}/relay?url=${encodeURIComponent(url)}`);

  it('hands over the picture bytes from an allowed origin, with its type and nothing else', async () => {
    const res = await relay(`${cdn.origin}/a.png`);
    expect(res.status).toBe(200);
    expect(res.body.equals(PNG)).toBe(true);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    const video = await relay(`${cdn.origin}/clip.mp4`);
    expect(video.status).toBe(200);
    expect(video.headers['content-type']).toBe('video/mp4');
  });

  it('tells the truth about a body fetch decoded: the next response on the connection is the real one', async () => {
    const url = encodeURIComponent(`${cdn.origin}/gz.png`);
    const host = `Host: 127.0.0.1:${studio.port}\r\n`;
    const [picture, next] = await exchange(studio.port, [
      `GET /relay?url=${url} HTTP/1.1\r\n${host}\r\n`,
      `GET /relay HTTP/1.1\r\n${host}\r\n`,
    ]);
    expect(picture?.status).toBe(200);
    expect(picture?.body.equals(LONG_PICTURE)).toBe(true);
    // The second answer is the relay's own (no url: 400), not bytes of the picture.
    expect(next?.status).toBe(400);
    expect(next?.headers['content-type']).toBe('application/json');
    expect(next?.body.toString()).toContain('relay_refused');
    // And it asked for the bytes as they are.
    expect(gzAsked.at(-1)).toBe('identity');
  });

  it('sends exactly the picture type it matched, never the upstream string', async () => {
    const mixed = await relay(`${cdn.origin}/mixed.png`);
    expect(mixed.status).toBe(200);
    expect(mixed.headers['content-type']).toBe('image/png');
    expect(mixed.headers['x-content-type-options']).toBe('nosniff');
    expect((await relay(`${cdn.origin}/upper.png`)).headers['content-type']).toBe('image/png');
  });

  it('follows a redirect on the list, refuses one that leaves it', async () => {
    expect((await relay(`${cdn.origin}/hop`)).body.equals(PNG)).toBe(true);
    const away = await relay(`${cdn.origin}/away`);
    expect(away.status).toBe(502);
    expect(away.body.toString()).toContain('redirected off the allow-list');
    expect(otherHits).toBe(0);
    for (const trick of ['/away-userinfo', '/away-ip', '/away-port', '/away-file']) {
      const res = await relay(`${cdn.origin}${trick}`);
      expect(res.status, trick).toBe(502);
      expect(res.body.toString(), trick).toContain('redirected off the allow-list');
    }
    expect(otherHits).toBe(0);
    expect((await relay(`${cdn.origin}/downgrade`)).status).toBe(502);
    expect((await relay(`${cdn.origin}/loop`)).body.toString()).toContain('too many times');
  });

  it('lets the page show pictures from the same origins the relay serves (CSP img-src, media-src)', async () => {
    const csp = String((await raw(`${studio.url}/`)).headers['content-security-policy']);
    expect(csp).toMatch(new RegExp(`img-src [^;]*${cdn.origin}`));
    expect(csp).toMatch(new RegExp(`media-src [^;]*${cdn.origin}`));
    expect(csp).not.toContain(other.origin);
  });

  it('refuses hosts off the list without fetching them', async () => {
    const res = await relay(`${other.origin}/a.png`);
    expect(res.status).toBe(403);
    expect(otherHits).toBe(0);
    expect((await relay('file:///etc/passwd')).status).toBe(403);
    expect((await raw(`${studio.url}/relay`)).status).toBe(400);
  });

  it('passes pictures and mp4 only', async () => {
    expect((await relay(`${cdn.origin}/page.html`)).status).toBe(502);
    expect((await relay(`${cdn.origin}/pic.svg`)).status).toBe(502);
  });

  it('keeps a dead link dead (404), so the studio can tell it expired', async () => {
    expect((await relay(`${cdn.origin}/expired.png`)).status).toBe(404);
  });

  it('caps the size, whether announced or not, and gives up on a host that hangs', async () => {
    const small = createRelay({ allowedOrigins: [cdn.origin], maxBytes: 4000, timeoutMs: 300 });
    const ask = (path: string) =>
      small(new Request(`http://studio/relay?url=${encodeURIComponent(cdn.origin + path)}`));
    expect((await ask('/big.png')).status).toBe(502);
    const streamed = await ask('/big-stream.png');
    expect(streamed.status).toBe(200);
    await expect(streamed.arrayBuffer()).rejects.toThrow();
    expect((await ask('/silent.png')).status).toBe(504);
    const hung = await ask('/hang.png');
    await expect(hung.arrayBuffer()).rejects.toThrow();
  });
});

describe('RELAY=off and ENGINE=off', () => {
  it('answer 404 where the relay and the engine would be', async () => {
    const dist = await makeDist();
    const bare = await startStudio(dist, { relay: false, engine: false });
    const full = await startStudio(dist);
    try {
      const url = encodeURIComponent('https://midjourney.cdn.acedata.cloud/a.png');
      const off = await raw(`${bare.url}/relay?url=${url}`);
      expect(off.status).toBe(404);
      expect(off.body.toString()).not.toContain('<div id="root">');
      expect((await raw(`${bare.url}/__engine/state`)).status).toBe(404);
      const imagine = await raw(`${bare.url}/midjourney/imagine`, { method: 'POST', body: '{}' });
      expect(imagine.status).toBe(404);
      expect((await raw(`${bare.url}/`)).body.toString()).toContain('&quot;relay&quot;:null');

      expect(
        (await raw(`${full.url}/relay?url=${encodeURIComponent('https://evil.com/')}`)).status,
      ).toBe(403);
      const state = await raw(`${full.url}/__engine/state`, { headers: ENGINE_ADMIN_HEADERS });
      expect(state.status).toBe(200);
      expect(JSON.parse(state.body.toString())).toMatchObject({ tasks: 0 });
    } finally {
      await bare.close();
      await full.close();
    }
  });
});
