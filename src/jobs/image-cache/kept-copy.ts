/**
 * Which copy of a final picture the studio keeps, and what the provider's link says about its
 * own life. Pure: the image cache, the card's label, Download and the reference checks all
 * decide from here.
 *
 * A picture's CDN may send no CORS headers and its links expire (`ex=`), so a copy is kept the
 * moment a result arrives, by the best means this page has:
 * 1. `blob` — read directly (the CDN allows cross-origin reads): a readable copy in IndexedDB;
 * 2. `relay` — read through the studio server's `/relay`: also a readable blob;
 * 3. `offline` — an opaque response in Cache Storage, which the service worker answers `<img>`
 *    requests from: shown everywhere, but its bytes cannot be read by the page.
 */

import { isLinkExpired } from '../../prompt/link-expiry';

/** How a kept copy was obtained. */
export type CopyKind = 'blob' | 'relay' | 'offline';

/** The copy a picture has, or why it has none. */
export type KeptCopy = { kind: CopyKind } | { kind: 'none'; reason: string };

/** What this page can use to keep a copy. */
export interface CopyMeans {
  /** The studio server's relay path (`/relay`), or null on a static host / `RELAY=off`. */
  relay: string | null;
  /** Whether Cache Storage is there (a secure context with `caches`). */
  offlineCache: boolean;
}

/** True for a video clip's link (the provider's and the engine's clips are `….mp4`). */
export function isClipUrl(url: string): boolean {
  return /\.(mp4|webm|mov)(?:[?#]|$)/i.test(url);
}

/**
 * The means to try, best first (a readable copy before an opaque one). A clip is never kept as
 * an opaque copy: a `<video>` reads its source in byte ranges, which a whole opaque response
 * cannot answer (and the service worker serves pictures only), so such a copy would never play.
 */
export function copyPlan(means: CopyMeans, url = ''): CopyKind[] {
  const plan: CopyKind[] = ['blob'];
  if (means.relay) plan.push('relay');
  if (means.offlineCache && !isClipUrl(url)) plan.push('offline');
  return plan;
}

/** True when the copy's bytes can be read (Download, re-hosting for the engine). */
export function isReadable(copy: KeptCopy): boolean {
  return copy.kind === 'blob' || copy.kind === 'relay';
}

/** Why no copy could be kept, in words the card shows after "No copy, link only:". */
export function notKeptReason(means: CopyMeans, linkDead: boolean, url = ''): string {
  if (linkDead) return 'the link had already expired or was dead';
  if (isClipUrl(url) && !means.relay)
    return 'the clip host allows no cross-origin reads and this host has no relay, so no copy of the clip can be kept on this device; it plays only while its link lasts';
  if (!means.relay && !means.offlineCache)
    return 'the picture host allows no cross-origin reads, this host has no relay, and this browser has no offline cache';
  return 'the picture could not be fetched';
}

/** Why there is no copy, where this tab never tried to keep one (after a reload, a new tab). */
export function noCopyReason(url: string, now: number, means?: CopyMeans): string {
  // A clip with no relay could never be kept here: the same reason after a reload.
  if (means && isClipUrl(url) && !means.relay) return notKeptReason(means, false, url);
  return isLinkExpired(url, now)
    ? 'the link has expired and no copy was kept in this browser'
    : 'no copy in this browser; it shows while the link lives';
}

/** The card's label for a copy. */
export function keptLabel(copy: KeptCopy): string {
  switch (copy.kind) {
    case 'blob':
      return 'Kept: in this browser';
    case 'relay':
      return 'Kept: via the studio server';
    case 'offline':
      return 'Kept: by the offline cache';
    default:
      return `No copy, link only: ${copy.reason}`;
  }
}

/** Why Download cannot give bytes for this copy, or null when it can. */
export function downloadRefusal(copy: KeptCopy): string | null {
  if (isReadable(copy)) return null;
  if (copy.kind === 'offline')
    return 'Download is not possible here: the picture host allows no cross-origin reads and this host has no relay, so the only copy is the offline cache, whose bytes the browser does not let the studio read. The picture still shows; save it from the image (right-click → Save image as).';
  return `Download is not possible: no copy was kept (${'reason' in copy ? copy.reason : 'unknown'}).`;
}

/** The relay URL for a picture. */
export function relayUrlFor(relay: string, url: string): string {
  return `${relay}?url=${encodeURIComponent(url)}`;
}

/** The Cache Storage cache the page warms and the service worker answers pictures from. */
export const PICTURE_CACHE = 'imagine-pictures-v1';
