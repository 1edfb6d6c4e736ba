/**
 * Keeping one copy of a final picture, by the best means this page has (see `kept-copy.ts`), and
 * saying exactly why when none could be kept: offline, an untrusted host, an error instead of the
 * picture, a dead link. An opaque copy is kept only once the page has decoded it: an opaque
 * response hides its status, and a 503 kept as the copy would be served to every `<img>` while
 * the link lives.
 */
import type { CorsMemory } from './cors-memory';
import type { CachedImage, StudioDb } from '../repository/schema';
import { isLinkExpired } from '../../prompt/link-expiry';
import {
  copyPlan,
  missingReason,
  notKeptReason,
  originOf,
  pictureCheckUrl,
  relayUrlFor,
  type CopyMeans,
  type KeptCopy,
  type MissingCopy,
} from './kept-copy';

/** True / false once decoded or not; null when this page cannot tell (no service worker yet). */
export type Decodes = (src: string) => Promise<boolean | null>;

/** What keeping a copy needs. */
export interface KeepDeps {
  db: () => Promise<StudioDb>;
  fetch: typeof fetch;
  now: () => number;
  maxImageBytes: number;
  means: () => CopyMeans;
  /** The quota-aware write (evicts the oldest copies to make room). */
  withRoom: <T>(write: () => Promise<T>, size: number, keep?: string) => Promise<T>;
  /** The Cache Storage cache of opaque copies (the service worker answers from it). */
  pictureCache?: () => Promise<Cache>;
  /** Where an opaque response waits while it is decoded. */
  stagingCache?: () => Promise<Cache>;
  /** Decodes a picture URL in the page (the service worker's check URL, an object URL). */
  decodes?: Decodes;
  /** Origins the page's Content-Security-Policy refused (not among the picture origins). */
  blocked?: (origin: string) => boolean;
  /** Hosts known to refuse a direct read: their pictures skip it (no console error each time). */
  cors?: CorsMemory;
}

/** What the attempts learned, to say why nothing was kept. */
interface Tried {
  dead: boolean;
  untrusted: boolean;
  unreadable: boolean;
}

/** A missing copy, with its reason in words too. */
export function missing(m: MissingCopy): KeptCopy {
  return { kind: 'none', reason: missingReason(m), missing: m };
}

/**
 * Keeps an opaque response as the copy once it decodes: true when kept, false when it does not
 * decode (an error instead of the picture), null when this page cannot check it (yet).
 */
async function keepOpaque(deps: KeepDeps, url: string, res: Response): Promise<boolean | null> {
  if (!deps.pictureCache || !deps.stagingCache || !deps.decodes) return null;
  const staging = await deps.stagingCache();
  await staging.put(url, res);
  try {
    const decodes = await deps.decodes(pictureCheckUrl(url, 'staged'));
    if (decodes !== true) return decodes;
    const checked = await staging.match(url);
    if (!checked) return null;
    await (await deps.pictureCache()).put(url, checked);
    return true;
  } finally {
    await staging.delete(url).catch(() => false);
  }
}

/**
 * What a relay's refusal says: its own 403 names a host off its allow-list (`PICTURE_ORIGINS`);
 * "answered 503" or "Not a picture" is the host's error; anything else, no answer at all.
 */
async function learnFromRelay(res: Response, tried: Tried): Promise<void> {
  let message = '';
  try {
    const body = (await res.json()) as { error?: { message?: unknown } };
    message = typeof body.error?.message === 'string' ? body.error.message : '';
  } catch {
    // Not the relay's own words (a host without a relay): nothing more to learn.
  }
  if (res.status === 403 && /^The relay does not fetch from /.test(message)) tried.untrusted = true;
  else if (/^(The picture's host answered|Not a picture)/.test(message)) tried.unreadable = true;
}

/** One means of keeping a copy; the copy kept, or null (and what was learned in `tried`). */
async function tryMeans(
  deps: KeepDeps,
  kind: KeptCopy['kind'],
  url: string,
  means: CopyMeans,
  tried: Tried,
): Promise<KeptCopy | null> {
  if (kind === 'offline') {
    // An opaque response: the page cannot read it, but Cache Storage keeps it and the service
    // worker answers the `<img>` with it after the link expired. Its status is hidden (0), so
    // a readable error is refused here and an opaque one when it does not decode.
    const res = await deps.fetch(url, { mode: 'no-cors', credentials: 'omit' });
    if (res.type !== 'opaque' && !res.ok) {
      tried.unreadable = true;
      return null;
    }
    const kept = await keepOpaque(deps, url, res);
    if (kept) return { kind: 'offline' };
    if (kept === false) tried.unreadable = true;
    return null;
  }
  // CORS mode: a host that does not allow us simply fails here; the relay reads it server-side
  // from an allow-listed origin, and refuses (403) a host that is not on its list.
  const res =
    kind === 'blob'
      ? await deps.fetch(url, { mode: 'cors', credentials: 'omit' })
      : await deps.fetch(relayUrlFor(means.relay ?? '', url), { credentials: 'omit' });
  if (res.status === 404 || res.status === 410) tried.dead = true;
  if (!res.ok) {
    if (kind === 'relay') await learnFromRelay(res, tried);
    else if (res.status >= 500) tried.unreadable = true;
    return null;
  }
  const blob = await res.blob();
  if (blob.size === 0 || blob.size > deps.maxImageBytes) return null;
  const record: CachedImage = {
    url,
    blob,
    size: blob.size,
    storedAt: deps.now(),
    via: kind === 'relay' ? 'relay' : 'blob',
  };
  const d = await deps.db();
  await deps.withRoom(() => d.put('blobs', record), blob.size, url);
  return { kind: kind === 'relay' ? 'relay' : 'blob' };
}

/** Keeps a copy of `url` (none stored yet), or says why none could be kept. */
export async function keepOne(deps: KeepDeps, url: string): Promise<KeptCopy> {
  const means = deps.means();
  const origin = originOf(url);
  if (isLinkExpired(url, deps.now())) return missing({ code: 'lost' });
  if (origin && deps.blocked?.(origin)) return missing({ code: 'untrusted', origin });
  // Offline every fetch fails: nothing is tried, and the network's return tries again.
  if (means.online === false) return missing({ code: 'offline' });
  const tried: Tried = { dead: false, untrusted: false, unreadable: false };
  const all = copyPlan(means, url);
  // A host that refused before is not asked directly again while another means remains.
  const skipDirect = !!origin && all.length > 1 && !!deps.cors?.refuses(origin);
  const plan = skipDirect ? all.filter((kind) => kind !== 'blob') : all;
  let directRefused = false;
  for (const kind of plan) {
    try {
      const kept = await tryMeans(deps, kind, url, means, tried);
      if (kind === 'blob' && origin) deps.cors?.learn(origin, true);
      if (kept) {
        // The host answered another means: the direct read failing was its refusal, not the network.
        if (directRefused && origin) deps.cors?.learn(origin, false);
        return kept;
      }
    } catch {
      if (kind === 'blob') directRefused = true;
      // The next means.
    }
  }
  if (tried.dead) return missing({ code: 'lost' });
  if (tried.untrusted || (origin && deps.blocked?.(origin)))
    return missing({ code: 'untrusted', origin });
  if (deps.means().online === false) return missing({ code: 'offline' });
  // What this page can never do (no means that reads this host) is said as it always was.
  const never = notKeptReason(means, false, url);
  if (never.code !== 'copy.unfetched') return { kind: 'none', reason: never };
  return missing({ code: tried.unreadable ? 'unreadable' : 'unfetched' });
}
