import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIDEOS_GENERATE } from '../../src/api/fixtures/endpoint-bodies';
import type { StudioServer } from './app';
import { SCRIPT, SCRIPT_PATH, makeDist, raw, startStudio } from './fixtures/studio-test-kit';

let dist: string;
let studio: StudioServer;

beforeAll(async () => {
  dist = await makeDist();
  studio = await startStudio(dist, { acedataBaseUrl: 'https://gateway.example:8443/v1' });
});
afterAll(() => studio.close());

describe('security headers', () => {
  it('sends the CSP as a header, closed to other origins', async () => {
    const res = await raw(`${studio.url}/`);
    const csp = String(res.headers['content-security-policy']);
    const directives = new Map(
      csp.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'self'"]);
    expect(directives.get('form-action')).toEqual(["'self'"]);
    expect(directives.get('worker-src')).toEqual(["'self'"]);
    const cdn = [
      'https://midjourney.cdn.acedata.cloud',
      'https://platform.cdn.acedata.cloud',
      'https://storage.fonedis.cc',
    ];
    // The mounted engine serves its pictures from its own CDN origin (a port of its own).
    const engineCdn = directives.get('img-src')?.at(-1) ?? '';
    expect(engineCdn).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(engineCdn).not.toBe(studio.url);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:', ...cdn, engineCdn]);
    expect(directives.get('media-src')).toEqual(["'self'", 'data:', 'blob:', ...cdn, engineCdn]);
    // The provider's own clips and their covers (the reference's videos answer) may be shown.
    const answer = JSON.parse(VIDEOS_GENERATE) as { image_url: string; video_urls: string[] };
    for (const clip of answer.video_urls)
      expect(directives.get('media-src')).toContain(new URL(clip).origin);
    expect(directives.get('img-src')).toContain(new URL(answer.image_url).origin);
    // The API base follows ACEDATA_BASE_URL; no bare scheme lets every https origin in.
    expect(directives.get('connect-src')).toEqual([
      "'self'",
      'https://gateway.example:8443',
      ...cdn,
      engineCdn,
    ]);
    expect(csp).not.toMatch(/\shttps?:(\s|;|$)/);
  });

  it('forbids framing and sniffing and sends no referrer, on pages, files and errors', async () => {
    for (const path of ['/', SCRIPT_PATH, '/assets/missing.js', '/__engine/state']) {
      const res = await raw(`${studio.url}${path}`);
      expect(res.headers['x-frame-options'], path).toBe('DENY');
      expect(res.headers['x-content-type-options'], path).toBe('nosniff');
      expect(res.headers['referrer-policy'], path).toBe('no-referrer');
      expect(res.headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
    }
  });

  it('serves index.html without the build-time meta CSP, and tells the studio its AceData base', async () => {
    const html = (await raw(`${studio.url}/`)).body.toString();
    expect(html).not.toContain('http-equiv="Content-Security-Policy"');
    expect(html).toContain(
      '<meta name="imagine-studio-config" content="{&quot;acedataBaseUrl&quot;:&quot;https://gateway.example:8443/v1&quot;,&quot;relay&quot;:&quot;/relay&quot;}" />',
    );
    expect(html.match(/imagine-studio-config/g)).toHaveLength(1);
  });
});

describe('caching and compression', () => {
  it('caches hashed assets for a year and sends brotli or gzip as the client accepts', async () => {
    const br = await raw(`${studio.url}${SCRIPT_PATH}`, {
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(br.status).toBe(200);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.body.length).toBeLessThan(SCRIPT.length / 4);
    expect(brotliDecompressSync(br.body).toString()).toBe(SCRIPT);

    const gz = await raw(`${studio.url}${SCRIPT_PATH}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(SCRIPT);

    const plain = await raw(`${studio.url}${SCRIPT_PATH}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
  });

  it('revalidates index.html every time and compresses it', async () => {
    const res = await raw(`${studio.url}/`, { headers: { 'accept-encoding': 'br' } });
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(res.body).toString()).toContain('<div id="root"></div>');
    const gz = await raw(`${studio.url}/index.html`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gunzipSync(gz.body).toString()).toContain('<div id="root"></div>');
  });

  it('revalidates files that are not hashed', async () => {
    const res = await raw(`${studio.url}/favicon.svg`);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
  });
});

describe('SPA fallback', () => {
  it('answers deep links with the studio, but not missing files, assets or APIs', async () => {
    const deep = await raw(`${studio.url}/history/some-job`);
    expect(deep.status).toBe(200);
    expect(deep.headers['content-type']).toMatch(/text\/html/);
    expect(deep.body.toString()).toContain('<div id="root"></div>');

    for (const path of [
      '/assets/missing',
      '/assets/gone-1234.js',
      '/logo.png',
      '/midjourney/nothing',
    ]) {
      const res = await raw(`${studio.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(res.body.toString(), path).not.toContain('<div id="root">');
    }
    expect((await raw(`${studio.url}/history`, { method: 'POST' })).status).toBe(404);
  });
});
