/**
 * What the studio learns at run time from the page that loaded it: the production server (or a
 * build made with `ACEDATA_BASE_URL`) writes a `<meta name="imagine-studio-config">` whose
 * content is JSON. A page without it (a static host built with the defaults) gets the defaults.
 */
import { DEFAULT_ACEDATA_BASE_URL, httpOriginOf } from './origins';

/** The meta tag's name. */
export const STUDIO_CONFIG_META = 'imagine-studio-config';

/** Run-time configuration of the studio. */
export interface StudioConfig {
  /** Base URL for the "AceData" target (no trailing slash). */
  acedataBaseUrl: string;
  /** Path of the studio server's image relay (`/relay`), or null where there is none. */
  relay: string | null;
}

export const DEFAULT_STUDIO_CONFIG: StudioConfig = {
  acedataBaseUrl: DEFAULT_ACEDATA_BASE_URL,
  relay: null,
};

/** A relay path: absolute, plain characters only (it becomes part of every picture's URL). */
const RELAY_PATH = /^\/[A-Za-z0-9/_-]*$/;

/**
 * Parse a config (a string of JSON or a value); anything malformed gives the defaults. Checked by
 * hand rather than with a schema: this runs before the first paint, and zod loads later.
 */
export function parseStudioConfig(raw: unknown): StudioConfig {
  try {
    const value: unknown = typeof raw === 'string' ? JSON.parse(raw) : raw;
    if (typeof value !== 'object' || value === null) return DEFAULT_STUDIO_CONFIG;
    const { acedataBaseUrl, relay } = value as Record<string, unknown>;
    if (typeof acedataBaseUrl !== 'string' || httpOriginOf(acedataBaseUrl) === undefined) {
      return DEFAULT_STUDIO_CONFIG;
    }
    if (relay !== null && (typeof relay !== 'string' || !RELAY_PATH.test(relay))) {
      return DEFAULT_STUDIO_CONFIG;
    }
    return { acedataBaseUrl: acedataBaseUrl.replace(/\/+$/, ''), relay };
  } catch {
    return DEFAULT_STUDIO_CONFIG;
  }
}

/** The config the current page carries (defaults outside a browser or without the tag). */
export function readStudioConfig(doc: Document | undefined = globalThis.document): StudioConfig {
  const content = doc?.querySelector(`meta[name="${STUDIO_CONFIG_META}"]`)?.getAttribute('content');
  return content ? parseStudioConfig(content) : DEFAULT_STUDIO_CONFIG;
}
