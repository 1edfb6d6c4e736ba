/**
 * The engine for a Node server: its API listener, plus the CDN listener that serves its
 * attachments from an origin of their own (as the provider's pictures come from its CDN, not
 * from the API). Used by the Vite plugin, the standalone server, and the production server.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEngine, type Engine } from '../endpoints/create-engine';
import type { EngineOptions } from '../engine/options';
import { hostPolicy, type HostPolicy } from '../shared/host-policy';
import { createNodeListener, type NodeListener } from './node-adapter';
import { isEnginePath } from '../endpoints/router';
import {
  CDN_SOCKET_LIMITS,
  applySocketLimits,
  socketLimits,
  socketServerOptions,
  type SocketLimits,
} from './socket-limits';

/** How to mount: the engine's options and where its CDN listens. */
export interface MountOptions extends Omit<EngineOptions, 'cdnOrigin' | 'hosts'> {
  /** Port of the CDN listener; 0 (default) picks a free one. */
  cdnPort?: number;
  /** Host of the CDN listener (default 127.0.0.1: the engine is for this machine only). */
  cdnHost?: string;
  /** The host the API listens on (default: the CDN's): one of the names both answer for. */
  host?: string;
  /** Public names both listeners answer for besides this machine's (`ALLOWED_HOSTS`). */
  allowedHosts?: readonly string[];
  /** The CDN listener's socket limits, where they differ from its defaults (tests). */
  cdnSocketLimits?: Partial<SocketLimits>;
}

/** A mounted engine. */
export interface MountedEngine {
  engine: Engine;
  /** Connect-style listener for the API and admin paths (`next` for anything else). */
  listener: NodeListener;
  /** The names the API and CDN listeners answer for. */
  hosts: HostPolicy;
  /** Where attachment links point, e.g. `http://127.0.0.1:41234`. */
  cdnOrigin: string;
  cdnServer: Server;
  /** Stop the engine and the CDN listener. */
  close(): Promise<void>;
}

/** Create an engine and start its CDN listener. */
export async function mountEngine(options: MountOptions = {}): Promise<MountedEngine> {
  const {
    cdnPort = 0,
    cdnHost = '127.0.0.1',
    host,
    allowedHosts = [],
    cdnSocketLimits,
    ...engineOptions
  } = options;
  const hosts = hostPolicy([host ?? cdnHost, cdnHost], allowedHosts);
  const limits = socketLimits(CDN_SOCKET_LIMITS, cdnSocketLimits);
  // The CDN must listen before the engine exists: the engine's links carry the CDN's port.
  const made: { engine?: Engine } = {};
  const cdnServer = createServer(
    socketServerOptions(limits),
    createNodeListener(
      { handle: (req) => (made.engine as Engine).handleCdn(req) },
      () => true,
      hosts,
    ),
  );
  applySocketLimits(cdnServer, limits);
  await new Promise<void>((resolve, reject) => {
    cdnServer.once('error', reject);
    cdnServer.listen(cdnPort, cdnHost, () => {
      cdnServer.off('error', reject);
      resolve();
    });
  });
  const port = (cdnServer.address() as AddressInfo).port;
  const cdnOrigin = `http://${cdnHost.includes(':') ? `[${cdnHost}]` : cdnHost}:${port}`;
  const running = createEngine({ ...engineOptions, cdnOrigin, hosts });
  running.listening('cdn', port);
  made.engine = running;
  return {
    engine: running,
    listener: createNodeListener(running, isEnginePath, hosts),
    hosts,
    cdnOrigin,
    cdnServer,
    close: () =>
      new Promise<void>((resolve) => {
        running.close();
        cdnServer.closeAllConnections();
        cdnServer.close(() => resolve());
      }),
  };
}
