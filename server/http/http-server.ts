/**
 * The engine on its own node:http server (used by `npm run engine` and by tests over real HTTP).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEngine, type Engine, type EngineOptions } from '../engine';
import { createNodeListener } from './node-adapter';

/** Where and how to listen. */
export interface EngineServerOptions extends EngineOptions {
  /** 0 picks a free port. */
  port: number;
  /** Default 127.0.0.1: the engine is for this machine only. */
  host?: string;
}

/** A listening engine server. */
export interface EngineServer {
  url: string;
  port: number;
  server: Server;
  engine: Engine;
  close(): Promise<void>;
}

/** Start an engine on a node:http server bound to `host:port`. */
export async function startEngineServer(options: EngineServerOptions): Promise<EngineServer> {
  const { port, host = '127.0.0.1', ...engineOptions } = options;
  const engine = createEngine(engineOptions);
  const server = createServer(createNodeListener(engine));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actual = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${actual}`,
    port: actual,
    server,
    engine,
    close: () =>
      new Promise<void>((resolve) => {
        engine.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
