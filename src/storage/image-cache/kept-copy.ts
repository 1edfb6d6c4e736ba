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

import type { Msg } from '../../api/message';
import { isLinkExpired } from '../../prompt/link-expiry';
import { storageMsg } from '../storage-codes';

/** How a kept copy was obtained. */
export type CopyKind = 'blob' | 'relay' | 'offline';

/**
 * Why a picture has no copy yet, as a code (worded only where it is shown). Every one but `lost`
 * and `untrusted` is tried again (when the network is back, at the next start, from History)
 * until the link expires; only then is the copy lost.
 */
export type MissingCopy =
  /** This browser was offline when the picture arrived. */
  | { code: 'offline' }
  /** The picture host is not among the studio's picture origins (CSP, relay: `PICTURE_ORIGINS`). */
  | { code: 'untrusted'; origin: string }
  /** The host answered, but not with a picture that decodes (an error status, say a 503). */
  | { code: 'unreadable' }
  /** The picture could not be fetched (host down, connection refused). */
  | { code: 'unfetched' }
  /** Not tried in this tab yet (a reload, a new tab): it will be. */
  | { code: 'untried' }
  /** The link expired or is dead, and no copy was kept: nothing can bring it back. */
  | { code: 'lost' };

/**
 * Why a picture is not on screen (its link failed, and no copy could stand in), as a code: the
 * browser is offline (it is tried again when the network is back), its host is not trusted by
 * this studio (`PICTURE_ORIGINS`), its link expired with no copy kept, or it just did not load.
 */
export type PictureProblem =
  | { code: 'offline' }
  | { code: 'untrusted'; origin: string }
  | { code: 'expired' }
  | { code: 'unloaded' };

/** What is known about a picture whose link failed, to say why it is not on screen. */
export interface PictureFacts {
  url: string;
  online: boolean;
  /** The copy there is (none: why). */
  copy: KeptCopy;
  /** True when the page's policy refused `origin` (see `blocked-origins.ts`). */
  blocked: (origin: string) => boolean;
  now: number;
}

/**
 * Why a picture is not on screen, in the order a person can act on it: offline first (the only
 * case that is tried again by itself), then a host this studio does not trust, then a link that
 * expired with no copy, else it just did not load.
 */
export function pictureProblemOf(facts: PictureFacts): PictureProblem {
  const { url, copy } = facts;
  if (!facts.online) return { code: 'offline' };
  const origin = originOf(url);
  const untrusted = copy.kind === 'none' && copy.missing?.code === 'untrusted';
  if (origin && (facts.blocked(origin) || untrusted)) return { code: 'untrusted', origin };
  if (isLinkExpired(url, facts.now)) return { code: 'expired' };
  return { code: 'unloaded' };
}

/** The copy a picture has, or why it has none (`reason` in words, `missing` as a code). */
export type KeptCopy = { kind: CopyKind } | { kind: 'none'; reason: Msg; missing?: MissingCopy };

/** What this page can use to keep a copy. */
export interface CopyMeans {
  /** The studio server's relay path (`/relay`), or null on a static host / `RELAY=off`. */
  relay: string | null;
  /** Whether Cache Storage is there (a secure context with `caches`). */
  offlineCache: boolean;
  /** Whether the browser is online (absent: assumed online). */
  online?: boolean;
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

/** Why no copy could be kept, as the card says it after "No copy, link only:". */
export function notKeptReason(means: CopyMeans, linkDead: boolean, url = ''): Msg {
  if (linkDead) return storageMsg('copy.link-dead');
  if (isClipUrl(url) && !means.relay) return storageMsg('copy.clip-no-relay');
  if (!means.relay && !means.offlineCache) return storageMsg('copy.no-means');
  return storageMsg('copy.unfetched');
}

/** Why there is no copy, where this tab never tried to keep one (after a reload, a new tab). */
export function noCopyReason(url: string, now: number, means?: CopyMeans): Msg {
  // A clip with no relay could never be kept here: the same reason after a reload.
  if (means && isClipUrl(url) && !means.relay) return notKeptReason(means, false, url);
  return storageMsg(isLinkExpired(url, now) ? 'copy.expired-none' : 'copy.none-while-live');
}

/** The copy of a picture this tab has not tried to keep yet: untried while its link lives. */
export function noCopyYet(url: string, now: number, means?: CopyMeans): KeptCopy {
  const reason = noCopyReason(url, now, means);
  if (means && isClipUrl(url) && !means.relay) return { kind: 'none', reason };
  const code = isLinkExpired(url, now) ? 'lost' : 'untried';
  return { kind: 'none', reason, missing: { code } };
}

/** The origin of a picture link, or '' for one that is not a URL. */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

/** A missing copy as a reason (Download's refusal). */
export function missingReason(missing: MissingCopy): Msg {
  switch (missing.code) {
    case 'offline':
      return storageMsg('copy.offline');
    case 'untrusted':
      return storageMsg('copy.untrusted', { origin: missing.origin });
    case 'unreadable':
      return storageMsg('copy.unreadable');
    case 'unfetched':
      return storageMsg('copy.unfetched');
    case 'untried':
      return storageMsg('copy.none-while-live');
    case 'lost':
      return storageMsg('copy.link-dead');
  }
}

/** True while a missing copy may still be kept (its link lives and its host is trusted). */
export function mayKeepLater(copy: KeptCopy): boolean {
  return (
    copy.kind === 'none' && !!copy.missing && !['lost', 'untrusted'].includes(copy.missing.code)
  );
}

/** The host (and port) of an origin, as a person names it. */
export function hostOf(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
}

/** Why Download cannot give bytes for this copy, or null when it can. */
export function downloadRefusal(copy: KeptCopy): Msg | null {
  if (isReadable(copy)) return null;
  if (copy.kind === 'offline') return storageMsg('download.offline-only');
  const reason = 'reason' in copy ? copy.reason : storageMsg('copy.unknown');
  return storageMsg('download.no-copy', { reason });
}

/** The relay URL for a picture. */
export function relayUrlFor(relay: string, url: string): string {
  return `${relay}?url=${encodeURIComponent(url)}`;
}

/** The Cache Storage cache the page warms and the service worker answers pictures from. */
export const PICTURE_CACHE = 'imagine-pictures-v1';

/**
 * Where an opaque response waits while the page checks that it decodes: only then does it go to
 * `PICTURE_CACHE` (an opaque 503 kept as the copy would be served forever).
 */
export const STAGING_CACHE = 'imagine-pictures-staging-v1';

/** The same-origin path the service worker answers with a staged or kept copy, to decode it. */
export const PICTURE_CHECK_PATH = '/__picture-check';

/** The URL that makes the service worker answer the copy of `url` from `from`. */
export function pictureCheckUrl(url: string, from: 'staged' | 'kept'): string {
  return `${PICTURE_CHECK_PATH}?from=${from}&url=${encodeURIComponent(url)}`;
}
