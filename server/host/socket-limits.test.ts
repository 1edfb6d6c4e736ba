/**
 * Idle and slow sockets against the connection cap, on each listener: the studio server, the
 * engine's API and its picture origin. Short figures here; the real ones are in the README.
 */
import type { Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StudioServer } from '../studio/app';
import { makeDist, startStudio } from '../studio/fixtures/studio-test-kit';
import { NDJSON, type Json } from '../endpoints/fixtures/engine-test-kit';
import { startEngineServer, type EngineServer } from './http-server';
import type { SocketLimits } from './socket-limits';

const LIMITS: Partial<SocketLimits> = {
  headersMs: 400,
  requestMs: 800,
  keepAliveMs: 200,
  maxConnections: 6,
};

/** A socket to `port` and everything it received until the server closed it. */
interface Probe {
  socket: Socket;
  received: () => string;
  closed: Promise<void>;
}

function probe(port: number, send?: (socket: Socket) => void): Promise<Probe> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (d: Buffer) => (received += d.toString()));
    socket.on('error', () => undefined);
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    socket.once('connect', () => {
      send?.(socket);
      resolve({ socket, received: () => received, closed });
    });
    socket.once('error', reject);
  });
}

/** Writes `text` a byte at a time, every 50 ms, while the socket is open: a slow client. */
function trickle(socket: Socket, text: string): void {
  let at = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || at >= text.length) clearInterval(timer);
    else socket.write(text[at++]!);
  }, 50);
  socket.once('close', () => clearInterval(timer));
}

function connections(server: Server): Promise<number> {
  return new Promise((resolve) => server.getConnections((_e, n) => resolve(n)));
}

/**
 * Fill the cap with three silent sockets, two that trickle their headers and one that trickles
 * its body; one more is closed unanswered; all six are closed by their deadlines (the slow body
 * with 408); then the listener answers as before.
 */
async function fillAndDrain(
  server: Server,
  port: number,
  path: string,
  /** A path whose handler reads the body: the slow one is then cut with 408. */
  bodyPath?: string,
): Promise<void> {
  const host = `Host: 127.0.0.1:${port}\r\n`;
  const probes = [
    ...(await Promise.all([probe(port), probe(port), probe(port)])),
    await probe(port, (s) => trickle(s, `GET ${path} HTTP/1.1\r\n${host}x-a: ${'a'.repeat(99)}`)),
    await probe(port, (s) => trickle(s, `GET ${path} HTTP/1.1\r\n${host}x-b: ${'b'.repeat(99)}`)),
    await probe(port, (s) => {
      s.write(
        `POST ${bodyPath ?? path} HTTP/1.1\r\n${host}authorization: Bearer t\r\ncontent-length: 1000\r\n\r\n`,
      );
      trickle(s, 'x'.repeat(1000));
    }),
  ];
  await expect.poll(() => connections(server)).toBe(6);
  const extra = await probe(port, (s) => s.write(`GET ${path} HTTP/1.1\r\n${host}\r\n`));
  await extra.closed;
  expect(extra.received()).toBe('');

  await Promise.all(probes.map((p) => p.closed));
  // Silent and half-sent sockets: cut by the deadline, or answered 408 by Node's own timeout when
  // its timer ran first (it does under load); either way closed, and never served.
  for (const p of probes.slice(0, 5)) expect(p.received()).toMatch(/^(HTTP\/1\.1 408 |$)/);
  if (bodyPath) expect(probes[5]!.received()).toMatch(/^HTTP\/1\.1 408/);

  const after = await fetch(`http://127.0.0.1:${port}${path}`);
  expect(after.status).toBeLessThan(500);
}

describe('socket deadlines and the connection cap', () => {
  let studio: StudioServer;
  let engine: EngineServer;
  beforeAll(async () => {
    studio = await startStudio(await makeDist(), { socketLimits: LIMITS });
    engine = await startEngineServer({
      port: 0,
      paceMs: 150,
      socketLimits: LIMITS,
      cdnSocketLimits: LIMITS,
    });
  });
  afterAll(async () => {
    await studio.close();
    await engine.close();
  });

  it('the studio server', async () => {
    await fillAndDrain(studio.server, studio.port, '/', '/midjourney/tasks');
  });

  it("the engine's API", async () => {
    await fillAndDrain(engine.server, engine.port, '/midjourney/nothing', '/midjourney/tasks');
  });

  it("the engine's picture origin", async () => {
    const port = Number(new URL(engine.cdnUrl).port);
    await fillAndDrain(engine.cdnServer, port, '/attachments/nothing.png');
  });

  it('a kept-alive connection that then trickles its next request is closed too', async () => {
    const host = `Host: 127.0.0.1:${engine.port}\r\n`;
    const p = await probe(engine.port, (s) => s.write(`GET /midjourney/x HTTP/1.1\r\n${host}\r\n`));
    await expect.poll(() => p.received()).toMatch(/^HTTP\/1\.1 404/);
    // Faster than Node's keep-alive timeout would notice, slower than the header deadline.
    trickle(p.socket, `GET /midjourney/y HTTP/1.1\r\n${host}x-c: ${'c'.repeat(99)}`);
    await p.closed;
    // Closed by the header deadline (Node answers 408 when it is its own that runs out).
    const answers = p.received().match(/HTTP\/1\.1 \d+/g) ?? [];
    expect(answers[0]).toBe('HTTP/1.1 404');
    expect(answers.slice(1).every((a) => a === 'HTTP/1.1 408')).toBe(true);
  });

  it('an answer takes as long as it takes: a waiting reply and a stream outlast every deadline', async () => {
    const post = (accept: string) =>
      fetch(`${engine.url}/midjourney/imagine`, {
        method: 'POST',
        headers: { authorization: 'Bearer t', 'content-type': 'application/json', accept },
        body: JSON.stringify({ prompt: 'a long pier --seed 9' }),
      });
    // Seven steps at 150 ms: past the 800 ms request deadline and the header deadlines, silent
    // all along for the waiting reply, one line at a time for the stream.
    const wait = await post('application/json');
    expect((await wait.json()) as Json).toMatchObject({ progress: 100, success: true });
    const stream = await post(NDJSON);
    const lines = (await stream.text()).trim().split('\n');
    expect(lines.length).toBeGreaterThan(6);
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ progress: 100, success: true });
  });
});
