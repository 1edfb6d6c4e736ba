/**
 * The studio's Content-Security-Policy, built in one place for the production server's header
 * and the build's meta tag, so that the two cannot drift apart.
 */
import { PROVIDER_CDN_ORIGINS } from '../../src/api/origins';

/** Where the studio's requests and pictures may come from, besides its own origin. */
export interface CspSources {
  /** The AceData target's base URL: its origin is the one remote origin `connect-src` allows. */
  acedataBaseUrl: string;
  /** Picture origins besides the provider's CDN: the engine's CDN, test CDNs. */
  pictureOrigins?: readonly string[];
}

/** The directives, keyed as Hono's `secureHeaders({ contentSecurityPolicy })` takes them. */
export interface CspDirectives {
  defaultSrc: string[];
  scriptSrc: string[];
  styleSrc: string[];
  imgSrc: string[];
  mediaSrc: string[];
  connectSrc: string[];
  workerSrc: string[];
  objectSrc: string[];
  baseUri: string[];
  formAction: string[];
  frameAncestors: string[];
}

/** The policy's directives for these sources. */
export function cspDirectives(sources: CspSources): CspDirectives {
  const api = new URL(sources.acedataBaseUrl).origin;
  const pictures = unique([...PROVIDER_CDN_ORIGINS, ...(sources.pictureOrigins ?? [])]);
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    // React sets style attributes (progress bars, positions); no style sheets from elsewhere.
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:', ...pictures],
    mediaSrc: ["'self'", 'data:', 'blob:', ...pictures],
    // The picture origins are here too: a copy is fetched as a blob where CORS allows it.
    connectSrc: unique(["'self'", api, ...pictures]),
    workerSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  };
}

/** The policy as a header value; `forMeta` leaves out what a meta tag may not say. */
export function cspString(directives: CspDirectives, { forMeta = false } = {}): string {
  return Object.entries(directives)
    .filter(([name]) => !(forMeta && name === 'frameAncestors'))
    .map(([name, values]) => `${kebab(name)} ${(values as string[]).join(' ')}`)
    .join('; ');
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
