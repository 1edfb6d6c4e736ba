/**
 * The remote origins the studio may talk to or show pictures from. One list, read by the
 * browser code, the production server (CSP header, image relay) and the build (meta CSP).
 */

/** AceData's API, unless `ACEDATA_BASE_URL` names another (a self-hosted gateway, a test engine). */
export const DEFAULT_ACEDATA_BASE_URL = 'https://api.acedata.cloud';

/**
 * Hosts the provider serves pictures and videos from (reference §8); https only. The videos and
 * edits answers link their clips and covers to `storage.fonedis.cc` (other-endpoints §2.2, §3):
 * without it a real clip could neither play under the CSP's media-src nor be kept by the relay.
 */
export const PROVIDER_CDN_HOSTS: readonly string[] = [
  'midjourney.cdn.acedata.cloud',
  'platform.cdn.acedata.cloud',
  'storage.fonedis.cc',
];

/** The provider's CDN hosts as origins (`https://host`), as CSP sources and relay entries. */
export const PROVIDER_CDN_ORIGINS: readonly string[] = PROVIDER_CDN_HOSTS.map(
  (h) => `https://${h}`,
);

/**
 * The origin of an absolute http(s) URL that carries nothing but an origin and maybe a path
 * (no credentials, query or fragment); `undefined` for anything else.
 */
export function httpOriginOf(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username || url.password || url.search || url.hash) return undefined;
  return url.origin;
}
