/**
 * Which URLs may reach a `src` or an `href`: `http(s):`, `blob:` and `data:image/…`, nothing
 * else. A `javascript:` (or any other) link from a reply, a stream line or an imported file is
 * refused at the contract boundary, so no component ever has to think about it. The CSP blocks
 * such links in the built app too, but `npm run dev` has no CSP, and a refused link should say
 * so rather than silently doing nothing.
 */

/** What a card says when a picture's link was refused. */
export const REFUSED_URL_NOTE =
  'A picture link was refused: only http(s), blob: and data:image links are shown.';

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

/** Fields of provider replies that hold one link. */
export const URL_FIELDS = ['image_url', 'raw_image_url', 'end_image_url', 'video_url'] as const;
/** Fields of provider replies that hold a list of links. */
export const URL_LIST_FIELDS = ['sub_image_urls', 'video_urls'] as const;

/**
 * The object with every refused link removed; the names of the fields that lost one are listed
 * in `refused_urls` (absent when none were), so the card can say so.
 */
export function dropRefusedUrls<T extends object>(value: T): T & { refused_urls?: string[] } {
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  // Kept from an earlier pass (a reply read once by the client, again by its kind): at worst a
  // provider that sets it gets a note on its own card.
  const earlier = out.refused_urls;
  const refused: string[] = Array.isArray(earlier)
    ? earlier.filter((f): f is string => typeof f === 'string')
    : [];
  delete out.refused_urls;
  for (const key of URL_FIELDS) {
    const url = out[key];
    if (typeof url === 'string' && !isAllowedUrl(url)) {
      delete out[key];
      if (!refused.includes(key)) refused.push(key);
    }
  }
  for (const key of URL_LIST_FIELDS) {
    const urls = out[key];
    if (!Array.isArray(urls)) continue;
    const kept = urls.filter((u) => typeof u !== 'string' || isAllowedUrl(u));
    if (kept.length !== urls.length) {
      out[key] = kept;
      if (!refused.includes(key)) refused.push(key);
    }
  }
  if (refused.length) out.refused_urls = refused;
  return out as T & { refused_urls?: string[] };
}
