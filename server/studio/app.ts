/**
 * The studio's production server (`npm start`): the built studio with security headers and
 * compression, the local engine (unless `ENGINE=off`), the AceData pass-through and the image
 * relay (unless `RELAY=off`), on Hono over node:http.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type HttpBindings } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { compress } from 'hono/compress';
import { secureHeaders } from 'hono/secure-headers';
import { PROVIDER_CDN_ORIGINS } from '../../src/api/origins';
import type { StudioConfig } from '../../src/api/runtime-config';
import { hostAllowed, hostPolicy } from '../shared/host-policy';
import { misdirected } from '../http/responses';
import {
  API_SOCKET_LIMITS,
  applySocketLimits,
  socketLimits,
  socketServerOptions,
} from '../host/socket-limits';
import { cspDirectives, cspString } from './csp';
import { cutOnError } from './cut-on-error';
import { isEngineRoute, mountEngine, type MountedEngine } from './engine-mount';
import type { StudioOptions } from './options';
import { PASS_THROUGH_PREFIX, createPassThrough } from './pass-through';
import { createRelay } from './relay';
import { ASSETS_PREFIX, distFiles, loadIndexPage, sendIndex } from './static-files';

/** Where the relay answers. */
export const RELAY_PATH = '/relay';

/** The studio's app, ready to be served. */
export interface StudioApp {
  fetch(req: Request): Response | Promise<Response>;
  /** The CSP header value it sends. */
  csp: string;
  /** The port it is served on, once it listens (the mounted engine's API port). */
  listening(port: number): void;
  close(): Promise<void>;
}

/** Build the app: mounts the engine, reads index.html (throws if the build is missing). */
export async function createStudioApp(options: StudioOptions): Promise<StudioApp> {
  const engine: MountedEngine | undefined = options.engine
    ? await mountEngine({
        ...options.engine,
        host: options.host,
        allowedHosts: options.allowedHosts,
      })
    : undefined;
  const hosts = hostPolicy(options.host, options.allowedHosts);
  const pictureOrigins = [
    ...options.pictureOrigins,
    ...(engine?.cdnOrigin ? [engine.cdnOrigin] : []),
  ];
  const directives = cspDirectives({ acedataBaseUrl: options.acedataBaseUrl, pictureOrigins });
  const config: StudioConfig = {
    acedataBaseUrl: options.acedataBaseUrl,
    relay: options.relay ? RELAY_PATH : null,
  };
  const page = await loadIndexPage(options.distDir, { config }).catch(async (err: unknown) => {
    await engine?.close();
    throw err;
  });
  const passThrough = createPassThrough(options.passThroughTarget, options.fetchImpl);
  const relay = createRelay({
    allowedOrigins: [...PROVIDER_CDN_ORIGINS, ...pictureOrigins],
    ...(options.fetchImpl ? { fetchImpl: options.fetchImpl } : {}),
  });

  const app = new Hono<{ Bindings: Partial<HttpBindings> }>();
  app.use(
    secureHeaders({
      contentSecurityPolicy: directives,
      xFrameOptions: 'DENY',
      // Nothing the studio links to needs to know where the person came from (see README).
      referrerPolicy: 'no-referrer',
      // TLS is the business of whatever terminates it in front of this server, not ours.
      strictTransportSecurity: false,
      // A header a handler chose (the relay's sandbox CSP) is kept.
      overwrite: false,
    }),
  );
  // DNS rebinding: a name this server was not given is answered 421, pages and API alike.
  app.use(async (c, next) =>
    hostAllowed(hosts, c.req.header('host')) ? next() : misdirected(c.req.header('host')),
  );
  // Gzip for dynamic JSON; NDJSON is not in its list of types, so streams are never held back.
  app.use(compress());
  if (engine) {
    app.use(async (c, next) =>
      engine.owns(c.req.path)
        ? cutOnError(await engine.handle(c.req.raw), c.env?.outgoing)
        : next(),
    );
  }
  app.all(`${PASS_THROUGH_PREFIX}/*`, async (c) =>
    cutOnError(await passThrough(c.req.raw), c.env?.outgoing),
  );
  app.all(PASS_THROUGH_PREFIX, async (c) =>
    cutOnError(await passThrough(c.req.raw), c.env?.outgoing),
  );
  if (options.relay) app.all(RELAY_PATH, (c) => relay(c.req.raw));
  app.on(['GET', 'HEAD'], ['/', '/index.html'], (c) => sendIndex(c, page));
  app.use(distFiles(options.distDir));
  app.on(['GET', 'HEAD'], '*', (c) => (isAppRoute(c.req.path) ? sendIndex(c, page) : notFound(c)));
  app.notFound(notFound);

  return {
    fetch: app.fetch,
    csp: cspString(directives),
    listening: (port) => engine?.listening(port),
    close: async () => {
      await engine?.close();
    },
  };
}

/** A path nothing serves: JSON, never cached (it may exist tomorrow). */
function notFound(c: Context): Response {
  c.header('cache-control', 'no-store');
  return c.json({ error: 'Not found' }, 404);
}

/**
 * Whether a missing path is one of the studio's own pages (served index.html so a reload on a
 * deep link works): not an API, asset or relay path, and not a file name.
 */
function isAppRoute(path: string): boolean {
  if (path.startsWith(ASSETS_PREFIX) || path === RELAY_PATH) return false;
  if (path === PASS_THROUGH_PREFIX || path.startsWith(`${PASS_THROUGH_PREFIX}/`)) return false;
  if (isEngineRoute(path)) return false;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !last.includes('.');
}

/** A listening studio server. */
export interface StudioServer {
  url: string;
  port: number;
  /** The Node server itself (tests count its connections). */
  server: Server;
  csp: string;
  close(): Promise<void>;
}

/** Create the app and listen on `options.host:options.port`. */
export async function startStudioServer(options: StudioOptions): Promise<StudioServer> {
  const studio = await createStudioApp(options);
  const limits = socketLimits(API_SOCKET_LIMITS, options.socketLimits);
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve(
      // The engine builds its own Requests and Responses: keep Node's globals as they are.
      {
        fetch: studio.fetch,
        port: options.port,
        hostname: options.host,
        overrideGlobalObjects: false,
        serverOptions: socketServerOptions(limits),
      },
      () => resolve(s),
    );
    applySocketLimits(s as Server, limits);
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  studio.listening(port);
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    port,
    server: server as Server,
    csp: studio.csp,
    close: async () => {
      await studio.close();
      if ('closeAllConnections' in server) server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
