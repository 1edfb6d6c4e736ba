/**
 * Helpers for the studio server's tests: a small built studio on disk, raw HTTP requests that
 * show the bytes as sent (fetch would undo the content-encoding), and upstream servers.
 */
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import {
  createServer,
  request,
  type IncomingHttpHeaders,
  type RequestListener,
  type Server,
} from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStudioServer, type StudioServer } from './app';
import type { StudioOptions } from './options';
import { precompressDir } from './precompress';

/** The script a test dist carries: long and repetitive, so compression shows. */
export const SCRIPT = `console.log(${JSON.stringify('imagine studio '.repeat(400))});\n`;
export const SCRIPT_PATH = '/assets/index-a1b2c3d4.js';

/** A dist/ as `vite build` leaves it: index.html with build-time tags, a hashed script. */
export async function makeDist(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'studio-dist-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(
    join(dir, 'index.html'),
    [
      '<!doctype html><html><head>',
      '<meta charset="UTF-8" />',
      `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; connect-src 'self' https:" />`,
      '<meta name="imagine-studio-config" content="{}" />',
      `<title>Imagine Studio</title><script type="module" src="${SCRIPT_PATH}"></script>`,
      '</head><body><div id="root"></div></body></html>',
    ].join('\n'),
  );
  await writeFile(join(dir, SCRIPT_PATH), SCRIPT);
  await writeFile(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await precompressDir(dir);
  return dir;
}

/** Options for a test studio on a free port, with the engine at full speed. */
export function testOptions(distDir: string, extra: Partial<StudioOptions> = {}): StudioOptions {
  return {
    distDir,
    port: 0,
    host: '127.0.0.1',
    acedataBaseUrl: 'https://api.acedata.cloud',
    passThroughTarget: 'https://api.acedata.cloud',
    engine: { paceMs: 0 },
    relay: true,
    pictureOrigins: [],
    allowedHosts: [],
    ...extra,
  };
}

/** Start a studio server for a test. */
export function startStudio(
  distDir: string,
  extra: Partial<StudioOptions> = {},
): Promise<StudioServer> {
  return startStudioServer(testOptions(distDir, extra));
}

/** A response as it came over the wire. */
export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** One request with node:http: no decoding, no added accept-encoding. */
export function raw(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: init.method ?? 'GET', headers: init.headers ?? {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

/** A node:http server on a free loopback port. */
export async function listen(
  handler: RequestListener,
): Promise<{ origin: string; server: Server; close(): Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A promise with its resolve handle, to make one side wait for the other. */
export function gate(): { promise: Promise<void>; open(): void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** One HTTP/1.1 response as read off a socket, by the framing it declared. */
export interface WireResponse {
  head: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * Send `requests` one after another on one kept-alive connection, each once the previous
 * response was read as its own headers frame it (`content-length` or chunked): what a client
 * then takes for the next response is whatever bytes follow.
 */
export function exchange(port: number, requests: readonly string[]): Promise<WireResponse[]> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const responses: WireResponse[] = [];
    let buffered = Buffer.alloc(0);
    const finish = (): void => {
      socket.destroy();
      resolve(responses);
    };
    const next = (): void => {
      if (responses.length === requests.length) finish();
      else socket.write(requests[responses.length]!);
    };
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      for (;;) {
        const parsed = parseResponse(buffered);
        if (!parsed) return;
        responses.push(parsed.response);
        buffered = buffered.subarray(parsed.used);
        next();
        if (responses.length === requests.length) return;
      }
    });
    socket.on('close', () => resolve(responses));
    socket.on('error', reject);
    socket.on('connect', next);
  });
}

/** One whole response at the start of `bytes`, or null while it is not all there. */
function parseResponse(bytes: Buffer): { response: WireResponse; used: number } | null {
  const end = bytes.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const head = bytes.subarray(0, end).toString('latin1');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const at = line.indexOf(':');
    headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
  }
  const status = Number(statusLine.split(' ')[1]);
  let at = end + 4;
  if (headers['transfer-encoding'] === 'chunked') {
    const parts: Buffer[] = [];
    for (;;) {
      const lineEnd = bytes.indexOf('\r\n', at);
      if (lineEnd < 0) return null;
      const size = parseInt(bytes.subarray(at, lineEnd).toString('latin1'), 16);
      if (bytes.length < lineEnd + 2 + size + 2) return null;
      parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size));
      at = lineEnd + 2 + size + 2;
      if (size === 0) break;
    }
    return { response: { head, status, headers, body: Buffer.concat(parts) }, used: at };
  }
  const length = Number(headers['content-length'] ?? 0);
  if (bytes.length < at + length) return null;
  const body = bytes.subarray(at, at + length);
  return { response: { head, status, headers, body }, used: at + length };
}
