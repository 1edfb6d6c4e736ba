/**
 * Mounts the local engine into Vite's dev server and preview server (`npm run dev`,
 * `npm start`), on the engine's paths only; every other request falls through to Vite.
 * Environment: ENGINE_PACE_MS (ms per progress step), ENGINE_TOKEN (require this bearer token),
 * ENGINE_CDN_PORT (port of the attachments' origin; default any free port), ENGINE_CDN_CORS
 * (`on`/`off`, default off), ENGINE_LINK_TTL (seconds an attachment link lives, default 86400),
 * ALLOWED_HOSTS (public names the engine answers for besides this machine's).
 */
import type { Server } from 'node:http';
import type { Plugin } from 'vite';
import { hostPolicy, parseAllowedHosts } from '../shared/host-policy';
import { isEnginePath } from '../endpoints/router';
import { mountEngine, type MountOptions, type MountedEngine } from './mount';
import { createNodeListener } from './node-adapter';

/** `on`/`off` (also true/false, 1/0) as a boolean; throws on anything else. */
export function parseOnOff(value: string, name: string): boolean {
  const v = value.trim().toLowerCase();
  if (['on', 'true', '1', 'yes'].includes(v)) return true;
  if (['off', 'false', '0', 'no'].includes(v)) return false;
  throw new Error(`${name} must be on or off, got "${value}"`);
}

/** A whole number in [min, max]; throws naming the setting otherwise. */
export function parseWhole(value: string, name: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}

/** The engine's options from the environment (unset or empty variables are ignored). */
export function engineOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): MountOptions {
  const options: MountOptions = { log: (m) => console.warn(`[engine] ${m}`) };
  const cdnPort = env.ENGINE_CDN_PORT?.trim();
  if (cdnPort) options.cdnPort = parseWhole(cdnPort, 'ENGINE_CDN_PORT', 0, 65535);
  const cdnCors = env.ENGINE_CDN_CORS?.trim();
  if (cdnCors) options.cdnCors = parseOnOff(cdnCors, 'ENGINE_CDN_CORS');
  const ttl = env.ENGINE_LINK_TTL?.trim();
  if (ttl) options.linkTtlS = parseWhole(ttl, 'ENGINE_LINK_TTL', 1, 10 * 365 * 86_400);
  const pace = env.ENGINE_PACE_MS?.trim();
  if (pace) {
    const ms = Number(pace);
    if (!Number.isFinite(ms) || ms < 0)
      throw new Error(`ENGINE_PACE_MS must be a number ≥ 0, got "${pace}"`);
    options.paceMs = ms;
  }
  const token = env.ENGINE_TOKEN?.trim();
  if (token) options.token = token;
  const allowedHosts = parseAllowedHosts(env.ALLOWED_HOSTS);
  if (allowedHosts.length > 0) options.allowedHosts = allowedHosts;
  return options;
}

interface Mountable {
  middlewares: { use(fn: ReturnType<typeof createNodeListener>): unknown };
  httpServer: Server | import('node:http2').Http2SecureServer | null;
}

/**
 * The Vite plugin serving `/midjourney/*`, `/attachments/*` and `/__engine/*`. Vite checks the
 * `Host` of every request first (`server.allowedHosts`, 403); the engine's paths check it again
 * against the engine's own, shorter list (421), which names no IP address but this machine's.
 */
export function engineServerPlugin(overrides: MountOptions = {}): Plugin {
  const mount = (server: Mountable, host: string | boolean | undefined): void => {
    const options: MountOptions = {
      ...engineOptionsFromEnv(),
      ...(typeof host === 'string' ? { host } : {}),
      ...overrides,
    };
    const hosts = hostPolicy([options.host ?? '127.0.0.1'], options.allowedHosts);
    // Mounted on the first request, so that merely loading the config (vitest does) costs
    // nothing and opens no CDN port.
    let mounted: Promise<MountedEngine> | undefined;
    const get = (): Promise<MountedEngine> =>
      (mounted ??= mountEngine(options).then((m) => {
        // By the first request Vite listens: its port is the engine's API port.
        const address = server.httpServer?.address();
        if (address && typeof address === 'object') m.engine.listening('api', address.port);
        return m;
      }));
    server.middlewares.use(
      createNodeListener(
        { handle: async (req) => (await get()).engine.handle(req) },
        isEnginePath,
        hosts,
      ),
    );
    server.httpServer?.once('close', () => {
      void mounted?.then((m) => m.close());
      mounted = undefined;
    });
  };
  return {
    name: 'imagine-studio-engine',
    configureServer: (server) => mount(server, server.config.server.host),
    configurePreviewServer: (server) => mount(server, server.config.preview.host),
  };
}
