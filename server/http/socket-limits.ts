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
  /** From connecting (or from the end of the last answer on a kept-alive connection) to a request's whole headers. */
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

interface SocketState {
  timer?: NodeJS.Timeout;
  /** Requests read from this socket whose answer has not finished yet. */
  active: number;
}

/**
 * Cap `server`'s connections and give every socket a deadline for its headers: from connecting,
 * and again from the end of each answer (Node's own keep-alive timeout closes idle connections,
 * but one that trickles a byte now and then would reset it for ever).
 */
export function applySocketLimits(server: Server, limits: SocketLimits): void {
  server.maxConnections = limits.maxConnections;
  const states = new WeakMap<Socket, SocketState>();
  const arm = (socket: Socket, state: SocketState, ms: number): void => {
    clearTimeout(state.timer);
    state.timer = setTimeout(() => socket.destroy(), ms);
    state.timer.unref();
  };
  server.on('connection', (socket: Socket) => {
    const state: SocketState = { active: 0 };
    states.set(socket, state);
    arm(socket, state, limits.headersMs);
    socket.once('close', () => clearTimeout(state.timer));
  });
  server.on('request', (req, res) => {
    const socket = req.socket;
    const state = states.get(socket);
    if (!state) return;
    state.active += 1;
    clearTimeout(state.timer);
    let ended = false;
    const end = (): void => {
      if (ended) return;
      ended = true;
      state.active -= 1;
      if (state.active === 0 && !socket.destroyed)
        arm(socket, state, limits.keepAliveMs + limits.headersMs);
    };
    res.once('finish', end);
    res.once('close', end);
  });
}

/** Limits with some figures replaced (tests use short ones). */
export function socketLimits(
  base: Readonly<SocketLimits>,
  overrides: Partial<SocketLimits> = {},
): SocketLimits {
  return { ...base, ...overrides };
}
