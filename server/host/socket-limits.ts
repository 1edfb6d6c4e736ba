/**
 * Deadlines and a cap for the sockets of a node:http server (the studio's, the engine's API and
 * its picture origin). Without them a connection that never sends a byte stays open for ever:
 * Node's `headersTimeout` starts at a request's first byte, so a silent socket or one that
 * trickles its headers is never timed out, and a few hundred of them use up the process's file
 * descriptors. A request, once its body is in, may take as long as its answer does: NDJSON
 * streams and waiting replies last minutes, and `requestTimeout` covers only the request.
 */
import type { Server, ServerOptions } from 'node:http';
import type { Socket } from 'node:net';

/** How long a client may take, and how many connections may be open at once. */
export interface SocketLimits {
  /** From connecting to the whole headers of a request (and from a later request's first byte). */
  headersMs: number;
  /** From a request's first byte to the end of its body (a slow upload is cut with 408). */
  requestMs: number;
  /** How long a kept-alive connection may sit idle between requests. */
  keepAliveMs: number;
  /** Connections open at once; one more is closed as it arrives. */
  maxConnections: number;
}

/** The API's figures (README, "Serving the studio"): browsers open at most six connections per origin. */
export const API_SOCKET_LIMITS: Readonly<SocketLimits> = {
  headersMs: 10_000,
  requestMs: 120_000,
  keepAliveMs: 5_000,
  maxConnections: 512,
};

/** The picture origin's: the same deadlines, fewer connections (both fit in 1,024 descriptors). */
export const CDN_SOCKET_LIMITS: Readonly<SocketLimits> = {
  ...API_SOCKET_LIMITS,
  maxConnections: 256,
};

/** `createServer` options that carry the limits Node enforces itself. */
export function socketServerOptions(limits: SocketLimits): ServerOptions {
  return {
    headersTimeout: limits.headersMs,
    requestTimeout: limits.requestMs,
    keepAliveTimeout: limits.keepAliveMs,
    // Node checks its two timeouts on this interval (default 30 s, three times the deadline).
    connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(limits.headersMs / 4))),
  };
}

/**
 * Cap `server`'s connections and give every new socket a deadline for its first request's
 * headers. (Node's `headersTimeout` covers the requests after the first on a kept-alive
 * connection, and its keep-alive timeout closes one left idle.)
 */
export function applySocketLimits(server: Server, limits: SocketLimits): void {
  server.maxConnections = limits.maxConnections;
  const deadlines = new WeakMap<Socket, NodeJS.Timeout>();
  server.on('connection', (socket: Socket) => {
    const timer = setTimeout(() => socket.destroy(), limits.headersMs);
    timer.unref();
    deadlines.set(socket, timer);
    socket.once('close', () => clearTimeout(timer));
  });
  server.on('request', (req) => {
    clearTimeout(deadlines.get(req.socket));
    deadlines.delete(req.socket);
  });
}

/** Limits with some figures replaced (tests use short ones). */
export function socketLimits(
  base: Readonly<SocketLimits>,
  overrides: Partial<SocketLimits> = {},
): SocketLimits {
  return { ...base, ...overrides };
}
