/**
 * The studio server's settings, from the environment (`npm start`) or given by tests.
 */
import { DEFAULT_ACEDATA_BASE_URL, httpOriginOf } from '../../src/api/origins';
import { parseAllowedHosts } from '../shared/host-policy';
import type { MountOptions } from '../host/mount';
import type { SocketLimits } from '../host/socket-limits';
import { engineOptionsFromEnv } from '../host/vite-plugin';

/** How `startStudioServer` serves. */
export interface StudioOptions {
  /** The built studio (`vite build`'s output). */
  distDir: string;
  /** 0 picks a free port. */
  port: number;
  host: string;
  /** The AceData target's base URL, as the studio and the CSP see it. */
  acedataBaseUrl: string;
  /** Where `/acedata/*` is forwarded: `ACEDATA_PROXY_TARGET`, else the base URL. */
  passThroughTarget: string;
  /** The local engine's options, or false when `ENGINE=off`. */
  engine: MountOptions | false;
  /** Whether `/relay` answers (`RELAY=off` makes it 404, as on a static host). */
  relay: boolean;
  /** Picture origins trusted like the provider's CDN (CSP and relay): `PICTURE_ORIGINS`. */
  pictureOrigins: string[];
  /**
   * Public names the server answers for besides this machine's (`ALLOWED_HOSTS`): the name a
   * proxy in front of it serves the studio under. Any other `Host` is answered 421.
   */
  allowedHosts: string[];
  /** Socket deadlines and the connection cap, where they differ from the defaults (tests). */
  socketLimits?: Partial<SocketLimits>;
  /** Fetch used by the pass-through and the relay (tests). */
  fetchImpl?: typeof fetch;
}

/** The AceData base URL and pass-through target from the environment (also used by vite.config). */
export function acedataFromEnv(env: NodeJS.ProcessEnv = process.env): {
  acedataBaseUrl: string;
  passThroughTarget: string;
} {
  const base = env.ACEDATA_BASE_URL?.trim() || DEFAULT_ACEDATA_BASE_URL;
  if (!httpOriginOf(base))
    throw new Error(
      `ACEDATA_BASE_URL must be an http(s) URL such as ${DEFAULT_ACEDATA_BASE_URL}, got "${base}"`,
    );
  const target = env.ACEDATA_PROXY_TARGET?.trim() || base;
  if (!httpOriginOf(target))
    throw new Error(`ACEDATA_PROXY_TARGET must be an http(s) URL, got "${target}"`);
  return {
    acedataBaseUrl: base.replace(/\/+$/, ''),
    passThroughTarget: target.replace(/\/+$/, ''),
  };
}

/** Extra picture origins (`PICTURE_ORIGINS`, comma-separated origins such as `https://cdn.example`). */
export function pictureOriginsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  const raw = env.PICTURE_ORIGINS?.trim();
  if (!raw) return [];
  return raw.split(',').map((entry) => {
    const origin = httpOriginOf(entry.trim());
    if (!origin || new URL(entry.trim()).pathname !== '/')
      throw new Error(
        `PICTURE_ORIGINS takes origins like https://cdn.example, got "${entry.trim()}"`,
      );
    return origin;
  });
}

/** Every setting from the environment; throws with a message saying what to change. */
export function studioOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): StudioOptions {
  const port = Number(env.PORT?.trim() || 5173);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number (0–65535), got "${env.PORT}"`);
  return {
    distDir: env.STUDIO_DIST?.trim() || 'dist',
    port,
    host: env.HOST?.trim() || '127.0.0.1',
    ...acedataFromEnv(env),
    engine: isOff(env.ENGINE) ? false : engineOptionsFromEnv(env),
    relay: !isOff(env.RELAY),
    pictureOrigins: pictureOriginsFromEnv(env),
    allowedHosts: parseAllowedHosts(env.ALLOWED_HOSTS),
  };
}

function isOff(value: string | undefined): boolean {
  return ['off', '0', 'false', 'no'].includes(value?.trim().toLowerCase() ?? '');
}
