/**
 * Fetching pictures from an allow-list of origins: the image relay (server/studio) and the
 * library's file keeper both come through here, so neither is an open proxy. Origins are
 * compared whole after the URL is parsed: never a prefix or a suffix of a host name, never with
 * credentials, never a redirect off the list.
 */

/** A URL that may be fetched, or the reason it may not. */
export type PictureUrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

const MAX_URL_LENGTH = 4096;
/** SVG is an image type that carries script: it is not a picture the provider sends. */
export const PICTURE_TYPES: readonly string[] = [
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
  'image/avif',
  'video/mp4',
];

/**
 * The picture type an upstream `content-type` names, in its canonical spelling, or null. Only
 * this is ever sent on: the upstream's own string may say more than its first type
 * (`image/png;x, text/html` reads as HTML in Chromium).
 */
export function pictureType(header: string | null): string | null {
  const essence = (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return PICTURE_TYPES.includes(essence) ? essence : null;
}

/** Whether `raw` may be fetched (a whole-origin match against `allowed`). */
export function checkPictureUrl(raw: string, allowed: ReadonlySet<string>): PictureUrlCheck {
  if (raw.length > MAX_URL_LENGTH) return { ok: false, reason: 'The URL is too long.' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'Not an absolute URL.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, reason: `The studio fetches http(s) pictures only, not ${url.protocol}` };
  if (url.username || url.password)
    return { ok: false, reason: 'A picture URL never carries credentials.' };
  // The parsed origin: IP spellings, encoded hosts and default ports are normalised already,
  // so `https://cdn@evil`, `https://cdn.evil`, `http://cdn` and `https://[::1]` all differ.
  if (!allowed.has(url.origin))
    return { ok: false, reason: `The studio does not fetch pictures from ${url.origin}.` };
  url.hash = '';
  return { ok: true, url };
}

/** How an allow-listed fetch went: the answer, or why there is none (with an HTTP status). */
export type AllowedFetch =
  { ok: true; response: Response } | { ok: false; status: number; reason: string };

/** What `fetchAllowed` needs besides the URL. */
export interface AllowedFetchOptions {
  allowed: ReadonlySet<string>;
  signal: AbortSignal;
  /** Redirects followed, each checked against the list. */
  maxRedirects: number;
  fetchImpl: typeof fetch;
}

/** GET a checked URL, following redirects only while they stay on the list. */
export async function fetchAllowed(url: URL, options: AllowedFetchOptions): Promise<AllowedFetch> {
  let at = url;
  try {
    for (let hop = 0; ; hop++) {
      const response = await options.fetchImpl(at, {
        redirect: 'manual',
        signal: options.signal,
        // Pictures are compressed already; and a length is only true of bytes sent as they came.
        headers: { accept: 'image/*, video/mp4', 'accept-encoding': 'identity' },
      });
      const location = response.headers.get('location');
      if (response.status < 300 || response.status > 399 || !location)
        return { ok: true, response };
      void response.body?.cancel();
      if (hop >= options.maxRedirects)
        return { ok: false, status: 502, reason: 'The picture redirected too many times.' };
      const next = checkPictureUrl(new URL(location, at).href, options.allowed);
      if (!next.ok)
        return {
          ok: false,
          status: 502,
          reason: `The picture redirected off the allow-list. ${next.reason}`,
        };
      at = next.url;
    }
  } catch (err) {
    const timedOut = err instanceof Error && err.name === 'TimeoutError';
    return timedOut
      ? { ok: false, status: 504, reason: 'The picture took too long.' }
      : { ok: false, status: 502, reason: 'The picture could not be fetched.' };
  }
}
