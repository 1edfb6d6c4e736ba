/**
 * The life of a provider link: its CDN links carry `ex=` (hex unix seconds) after which they
 * answer 404. The studio reads it to say a link has expired before a task spends a credit on it.
 */
/**
 * The link's expiry from its `ex` query parameter (hex unix seconds, as the provider's signed
 * CDN links carry it), in milliseconds; undefined where the URL has none or it is malformed.
 */
export function linkExpiry(url: string): number | undefined {
  let ex: string | null;
  try {
    ex = new URL(url).searchParams.get('ex');
  } catch {
    return undefined;
  }
  if (!ex || !/^[0-9a-f]{1,12}$/i.test(ex)) return undefined;
  return parseInt(ex, 16) * 1000;
}

/** True when the link carries an `ex` that is past at `now` (ms). */
export function isLinkExpired(url: string, now: number): boolean {
  const expiry = linkExpiry(url);
  return expiry !== undefined && expiry <= now;
}
