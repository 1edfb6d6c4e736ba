import { describe, expect, it } from 'vitest';
import {
  OwnOrigins,
  hostAllowed,
  hostPolicy,
  normaliseHost,
  parseAllowedHosts,
} from './host-policy';

describe('the Host allow-list', () => {
  const policy = hostPolicy('127.0.0.1', ['studio.example.com']);

  it.each([
    '127.0.0.1:5173',
    '127.0.0.1',
    'localhost:5173',
    'LOCALHOST:5173',
    'localhost.:5173',
    '[::1]:5173',
    '[0:0:0:0:0:0:0:1]:5173',
    'studio.example.com',
    'Studio.Example.com:443',
  ])('answers %s', (host) => {
    expect(hostAllowed(policy, host)).toBe(true);
  });

  it.each([
    ['a rebound name', 'rebind.evil.example:5173'],
    ['a name ending in an allowed one', 'evilstudio.example.com'],
    ['an allowed name as a prefix', 'studio.example.com.evil.example'],
    ['another loopback address', '127.0.0.2:5173'],
    ['the any-address', '0.0.0.0:5173'],
    ['a LAN address nobody listed', '192.168.1.20:5173'],
    ['a subdomain of localhost', 'evil.localhost:5173'],
    ['userinfo', 'localhost@evil.example'],
    ['a path', 'localhost/evil'],
    ['no host at all', ''],
  ])('refuses %s', (_what, host) => {
    expect(hostAllowed(policy, host)).toBe(false);
  });

  it('takes the configured host, IPv6 included', () => {
    expect(hostAllowed(hostPolicy('192.168.1.20'), '192.168.1.20:8080')).toBe(true);
    expect(hostAllowed(hostPolicy('fd00::5'), '[fd00::5]:8080')).toBe(true);
    expect(hostAllowed(hostPolicy(undefined), '192.168.1.20:8080')).toBe(false);
  });

  it('reads ALLOWED_HOSTS, and says what to change when an entry is not a name', () => {
    expect(parseAllowedHosts(' studio.example.com , 192.168.1.20 ')).toEqual([
      'studio.example.com',
      '192.168.1.20',
    ]);
    expect(parseAllowedHosts(undefined)).toEqual([]);
    for (const bad of ['https://studio.example.com', 'studio.example.com:443', 'a/b', ''])
      expect(() => parseAllowedHosts(`x.example,${bad}`), bad).toThrow(/ALLOWED_HOSTS takes/);
    expect(normaliseHost('[::1]')).toBe('[::1]');
  });
});

describe('OwnOrigins', () => {
  const own = new OwnOrigins(hostPolicy('127.0.0.1', ['studio.example.com']));
  own.apiPorts.add(5391);
  own.cdnPorts.add(5392);

  it('an Origin is ours only on our names and our API ports, never by the Host it came with', () => {
    expect(own.isOwnOrigin('http://127.0.0.1:5391')).toBe(true);
    expect(own.isOwnOrigin('http://localhost:5391')).toBe(true);
    expect(own.isOwnOrigin('http://[::1]:5391')).toBe(true);
    expect(own.isOwnOrigin('https://studio.example.com')).toBe(true);
    expect(own.isOwnOrigin('http://127.0.0.1:5392')).toBe(false);
    expect(own.isOwnOrigin('http://127.0.0.1:9999')).toBe(false);
    expect(own.isOwnOrigin('http://rebind.evil.example:5391')).toBe(false);
    expect(own.isOwnOrigin('null')).toBe(false);
    expect(own.isOwnOrigin('http://127.0.0.1:5391/path')).toBe(false);
  });

  it.each([
    'http://127.0.0.1:5391/__engine/restart',
    'http://localhost:5391/__engine/restart',
    'http://LOCALHOST.:5391/__engine/restart',
    'http://127.1:5391/__engine/restart',
    'http://2130706433:5391/__engine/restart',
    'http://0x7f.0.0.1:5391/__engine/restart',
    'http://127.9.9.9:5391/x',
    'http://0.0.0.0:5391/x',
    'http://[::1]:5391/x',
    'http://[::ffff:127.0.0.1]:5391/x',
    'http://[::]:5391/x',
    'http://evil.localhost:5391/x',
    'https://studio.example.com/__engine/restart',
    'http://studio.example.com:8080/x',
  ])('%s points at the engine itself', (url) => {
    expect(own.pointsAtSelf(url)).toBe(true);
  });

  it('other ports and hosts are not the engine; its picture origin is, for callbacks', () => {
    expect(own.pointsAtSelf('http://127.0.0.1:5392/attachments/a.png')).toBe(false);
    expect(own.pointsAtSelf('http://127.0.0.1:5392/x', { cdn: true })).toBe(true);
    expect(own.pointsAtSelf('http://127.0.0.1:8080/hook')).toBe(false);
    expect(own.pointsAtSelf('https://hooks.example/x')).toBe(false);
    expect(own.pointsAtSelf('not a url')).toBe(false);
    // The URL a request arrived on is the engine, whatever ports it knows of.
    expect(
      own.pointsAtSelf('http://engine.test/__engine/state', {
        requestUrl: 'http://engine.test/midjourney/imagine',
      }),
    ).toBe(true);
  });
});
