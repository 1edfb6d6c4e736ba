import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_ADMIN_HEADERS } from '../endpoints/fixtures/engine-test-kit';
import { startEngineServer, type EngineServer } from './http-server';

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
