/**
 * Mounts the local engine into Vite's dev server and preview server (`npm run dev`,
 * `npm start`), on the engine's paths only; every other request falls through to Vite.
 * Environment: ENGINE_PACE_MS (ms per progress step), ENGINE_TOKEN (require this bearer token).
 */
import type { Server } from 'node:http';
import type { Plugin } from 'vite';
import { createEngine, type Engine, type EngineOptions } from '../engine';
import { isEnginePath } from './router';
import { createNodeListener } from './node-adapter';

/** The engine's options from the environment (unset or empty variables are ignored). */
export function engineOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): EngineOptions {
  const options: EngineOptions = { log: (m) => console.warn(`[engine] ${m}`) };
  const pace = env.ENGINE_PACE_MS?.trim();
  if (pace) {
    const ms = Number(pace);
    if (!Number.isFinite(ms) || ms < 0)
      throw new Error(`ENGINE_PACE_MS must be a number ≥ 0, got "${pace}"`);
    options.paceMs = ms;
  }
  const token = env.ENGINE_TOKEN?.trim();
  if (token) options.token = token;
  return options;
}

interface Mountable {
  middlewares: { use(fn: ReturnType<typeof createNodeListener>): unknown };
  httpServer: Server | import('node:http2').Http2SecureServer | null;
}

/** The Vite plugin serving `/midjourney/*`, `/attachments/*` and `/__engine/*`. */
export function engineServerPlugin(overrides: EngineOptions = {}): Plugin {
  const mount = (server: Mountable): void => {
    // Created on the first request, so that merely loading the config (vitest does) costs nothing.
    let engine: Engine | undefined;
    const get = (): Engine =>
      (engine ??= createEngine({ ...engineOptionsFromEnv(), ...overrides }));
    server.middlewares.use(createNodeListener(get, isEnginePath));
    server.httpServer?.once('close', () => {
      engine?.close();
      engine = undefined;
    });
  };
  return {
    name: 'imagine-studio-engine',
    configureServer: (server) => mount(server),
    configurePreviewServer: (server) => mount(server),
  };
}
