/**
 * What the studio learns at run time from the page that loaded it: the production server (or a
 * build made with `ACEDATA_BASE_URL`) writes a `<meta name="imagine-studio-config">` whose
 * content is JSON. A page without it (a static host built with the defaults) gets the defaults.
 */
import { z } from 'zod/mini';
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

const configSchema = z.object({
  acedataBaseUrl: z.pipe(
    z.string().check(z.refine((u) => httpOriginOf(u) !== undefined, 'an http(s) URL')),
    z.transform((u: string) => u.replace(/\/+$/, '')),
  ),
  relay: z.nullable(z.string().check(z.regex(/^\/[A-Za-z0-9/_-]*$/))),
});

/** Parse a config (a string of JSON or a value); anything malformed gives the defaults. */
export function parseStudioConfig(raw: unknown): StudioConfig {
  try {
    const value: unknown = typeof raw === 'string' ? JSON.parse(raw) : raw;
    const parsed = configSchema.safeParse(value);
    return parsed.success ? parsed.data : DEFAULT_STUDIO_CONFIG;
  } catch {
    return DEFAULT_STUDIO_CONFIG;
  }
}

/** The config the current page carries (defaults outside a browser or without the tag). */
export function readStudioConfig(doc: Document | undefined = globalThis.document): StudioConfig {
  const content = doc?.querySelector(`meta[name="${STUDIO_CONFIG_META}"]`)?.getAttribute('content');
  return content ? parseStudioConfig(content) : DEFAULT_STUDIO_CONFIG;
}
