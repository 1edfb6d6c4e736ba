import { describe, expect, it } from 'vitest';
import { cspDirectives, cspString } from './csp';
import { writePageTags } from './html';
import { studioOptionsFromEnv } from './options';

describe('studioOptionsFromEnv', () => {
  it('defaults to AceData, the engine and the relay on 127.0.0.1:5173', () => {
    const o = studioOptionsFromEnv({});
    expect(o).toMatchObject({
      port: 5173,
      host: '127.0.0.1',
      acedataBaseUrl: 'https://api.acedata.cloud',
      passThroughTarget: 'https://api.acedata.cloud',
      relay: true,
      pictureOrigins: [],
    });
    expect(o.engine).not.toBe(false);
  });

  it('follows ACEDATA_BASE_URL, unless ACEDATA_PROXY_TARGET names the pass-through target', () => {
    const base = studioOptionsFromEnv({ ACEDATA_BASE_URL: 'http://127.0.0.1:9001/' });
    expect(base.acedataBaseUrl).toBe('http://127.0.0.1:9001');
    expect(base.passThroughTarget).toBe('http://127.0.0.1:9001');
    const both = studioOptionsFromEnv({
      ACEDATA_BASE_URL: 'http://127.0.0.1:9001',
      ACEDATA_PROXY_TARGET: 'http://127.0.0.1:9002',
    });
    expect(both.passThroughTarget).toBe('http://127.0.0.1:9002');
  });

  it('reads ENGINE=off, RELAY=off, the engine pace and extra picture origins', () => {
    const o = studioOptionsFromEnv({
      ENGINE: 'off',
      RELAY: 'off',
      PICTURE_ORIGINS: 'http://127.0.0.1:7001, https://cdn.example',
    });
    expect(o.engine).toBe(false);
    expect(o.relay).toBe(false);
    expect(o.pictureOrigins).toEqual(['http://127.0.0.1:7001', 'https://cdn.example']);
    expect(studioOptionsFromEnv({ ENGINE_PACE_MS: '60' }).engine).toMatchObject({ paceMs: 60 });
  });

  it('reads ALLOWED_HOSTS, the public names it answers for besides this machine', () => {
    expect(studioOptionsFromEnv({}).allowedHosts).toEqual([]);
    const o = studioOptionsFromEnv({ ALLOWED_HOSTS: 'Studio.Example.com, 192.168.1.20' });
    expect(o.allowedHosts).toEqual(['studio.example.com', '192.168.1.20']);
    // The engine mounted in it answers for them too.
    expect(o.engine).toMatchObject({ allowedHosts: ['studio.example.com', '192.168.1.20'] });
  });

  it('says what to change when a setting is wrong', () => {
    expect(() => studioOptionsFromEnv({ ACEDATA_BASE_URL: 'ftp://x' })).toThrow(
      /ACEDATA_BASE_URL must be an http\(s\) URL/,
    );
    expect(() => studioOptionsFromEnv({ PORT: 'eighty' })).toThrow(/PORT must be a port number/);
    expect(() => studioOptionsFromEnv({ PICTURE_ORIGINS: 'https://cdn.example/path' })).toThrow(
      /PICTURE_ORIGINS takes origins/,
    );
    expect(() => studioOptionsFromEnv({ ALLOWED_HOSTS: 'https://studio.example.com' })).toThrow(
      /ALLOWED_HOSTS takes host names such as studio.example.com \(no scheme, no port\)/,
    );
  });
});

describe('the page tags', () => {
  const csp = cspString(cspDirectives({ acedataBaseUrl: 'https://api.acedata.cloud' }), {
    forMeta: true,
  });
  const html = '<html><head>\n    <meta charset="UTF-8" />\n    <title>x</title></head></html>';

  it('write one CSP meta without frame-ancestors (a meta tag cannot say it) and one config', () => {
    const once = writePageTags(html, {
      config: { acedataBaseUrl: 'https://a.example', relay: null },
      csp,
    });
    const twice = writePageTags(once, {
      config: { acedataBaseUrl: 'https://b.example', relay: '/relay' },
    });
    expect(once).toContain('http-equiv="Content-Security-Policy"');
    expect(once).not.toContain('frame-ancestors');
    expect(once).not.toMatch(/\shttps:[\s;"]/);
    expect(twice).not.toContain('Content-Security-Policy');
    expect(twice.match(/imagine-studio-config/g)).toHaveLength(1);
    expect(twice).toContain('&quot;https://b.example&quot;');
  });

  it('escape what they write', () => {
    const out = writePageTags(html, {
      config: { acedataBaseUrl: 'https://a.example/"><script>', relay: null },
    });
    expect(out).not.toContain('"><script>');
  });
});
