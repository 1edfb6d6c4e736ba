/**
 * The engine on its own node:http server (used by `npm run engine` and by tests over real HTTP),
 * its attachments on a second port (the CDN origin).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Engine } from '../endpoints/create-engine';
import { mountEngine, type MountOptions } from './mount';
import {
  API_SOCKET_LIMITS,
  applySocketLimits,
  socketLimits,
  socketServerOptions,
  type SocketLimits,
} from './socket-limits';

/** Where and how to listen. */
export interface EngineServerOptions extends MountOptions {
  /** 0 picks a free port. */
  port: number;
  /** Default 127.0.0.1: the engine is for this machine only. */
  host?: string;
  /** The API listener's socket limits, where they differ from its defaults (tests). */
  socketLimits?: Partial<SocketLimits>;
}

/** A listening engine server. */
export interface EngineServer {
  url: string;
  port: number;
  /** The origin attachments are served from. */
  cdnUrl: string;
  server: Server;
  /** The listener of that origin. */
  cdnServer: Server;
  engine: Engine;
  close(): Promise<void>;
}

/** Start an engine on a node:http server bound to `host:port`, and its CDN listener. */
export async function startEngineServer(options: EngineServerOptions): Promise<EngineServer> {
  const { port, host = '127.0.0.1', socketLimits: overrides, ...mountOptions } = options;
  const mounted = await mountEngine({ cdnHost: host, host, ...mountOptions });
  const limits = socketLimits(API_SOCKET_LIMITS, overrides);
  const server = createServer(socketServerOptions(limits), mounted.listener);
  applySocketLimits(server, limits);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actual = (server.address() as AddressInfo).port;
  mounted.engine.listening('api', actual);
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${actual}`,
    port: actual,
    cdnUrl: mounted.cdnOrigin,
    server,
    cdnServer: mounted.cdnServer,
    engine: mounted.engine,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => void mounted.close().then(resolve));
      }),
  };
}
