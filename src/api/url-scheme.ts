/**
 * Which URLs may reach a `src` or an `href`: `http(s):`, `blob:` and `data:image/…`, nothing
 * else. A `javascript:` (or any other) link from a reply, a stream line or an imported file is
 * refused at the contract boundary, so no component ever has to think about it. The CSP blocks
 * such links in the built app too, but `npm run dev` has no CSP, and a refused link should say
 * so rather than silently doing nothing.
 */
import { apiMsg } from './api-codes';
import type { Msg } from './message';

/** What a card says when a picture's link was refused. */
export const REFUSED_URL_NOTE: Msg = apiMsg('api.refused-url');

/**
 * True when `url` is safe to put in a `src` or an `href`. Parsed the way the browser parses it
 * (leading spaces and control characters, tabs or newlines inside the scheme), so
 * ` java\tscript:` is seen for what it is. A relative URL resolves against the page: allowed.
 */
export function isAllowedUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url, 'http://relative.invalid/');
  } catch {
    return false;
  }
  switch (parsed.protocol) {
    case 'http:':
    case 'https:':
    case 'blob:':
      return true;
    case 'data:':
      return /^image\//i.test(parsed.pathname);
    default:
      return false;
  }
}

/** Fields of provider replies that hold a link, or a list of links. */
export const URL_FIELDS = [
  'image_url',
  'raw_image_url',
  'end_image_url',
  'video_url',
  'sub_image_urls',
  'video_urls',
] as const;

const refusedIn = (u: unknown) => typeof u === 'string' && !isAllowedUrl(u);

/**
 * The object with every refused link removed; the names of the fields that lost one are listed
 * in `refused_urls` (absent when none were), so the card can say so. A list from an earlier pass
 * is kept (a reply read once by the client, again by its kind): at worst a provider that sets it
 * gets a note on its own card.
 */
export function dropRefusedUrls<T extends object>(value: T): T & { refused_urls?: string[] } {
  const { refused_urls: earlier, ...out } = value as Record<string, unknown>;
  const refused = new Set(Array.isArray(earlier) ? earlier.map(String) : []);
  for (const key of URL_FIELDS) {
    const v = out[key];
    if (Array.isArray(v) ? v.some(refusedIn) : refusedIn(v)) {
      if (Array.isArray(v)) out[key] = v.filter((u) => !refusedIn(u));
      else delete out[key];
      refused.add(key);
    }
  }
  if (refused.size) out.refused_urls = [...refused];
  return out as T & { refused_urls?: string[] };
}
