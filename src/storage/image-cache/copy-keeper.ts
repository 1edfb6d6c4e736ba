/**
 * Keeping copies of final pictures and clips: by the best means there is, once at a time per
 * URL, again for the missing ones while their links live, and again for one that no longer
 * decodes; with the reason when none could be kept, and news of every change.
 */
import { storageMsg } from '../storage-codes';
import { isLinkExpired } from '../../prompt/link-expiry';
import type { ImageCacheOptions, WithRoom } from './cache-options';
import { keepOne, missing } from './keep-one';
import { corsMemory } from './cors-memory';
import { isClipUrl, noCopyYet, originOf, type CopyMeans, type KeptCopy } from './kept-copy';
import { copyDecodes, removeCopy, storedCopy, storedUrls } from './stored-copies';

/** The copy keeping of one tab's cache: the part of `ImageCache` about kept copies. */
export interface CopyKeeper {
  /**
   * Keeps a copy of a final image by the best means there is (a blob read directly, a blob read
   * through the relay, an opaque copy in Cache Storage); says which, or why none.
   */
  keep(url: string): Promise<KeptCopy>;
  /** Which copy is kept of `url` (none: with the reason). */
  copyOf(url: string): Promise<KeptCopy>;
  /**
   * Keeps, one after another, a copy of each of `urls` that has none and whose link lives (after
   * the network came back, at a start, from History). Resolves when all were tried.
   */
  keepMissing(urls: string[]): Promise<void>;
  /**
   * The kept copy of `url` is decoded; one that does not decode is removed and, while the link
   * lives, fetched again. Returns the copy there is afterwards.
   */
  repair(url: string): Promise<KeptCopy>;
  /** Calls `listener` with the URL of every copy kept, removed or newly explained. */
  onChange(listener: (url: string) => void): () => void;
  /** The readable bytes of a kept copy (blob or relay), else null. */
  blobOf(url: string): Promise<Blob | null>;
}

/** What keeping copies needs besides the cache's options. */
export interface CopyKeeperDeps {
  withRoom: WithRoom;
  /** Revokes the object URLs of pictures whose copy was removed. */
  forget(urls: string[]): void;
}

/** The copy keeper over `options`. */
export function createCopyKeeper(options: ImageCacheOptions, deps: CopyKeeperDeps): CopyKeeper {
  const { db, now } = options;
  /** Why a copy could not be kept, by URL (this tab only; the card shows it). */
  const failures = new Map<string, KeptCopy>();
  /** Copies being kept, so the card's label waits for the outcome and two keeps fetch once. */
  const keeping = new Map<string, Promise<KeptCopy>>();
  const listeners = new Set<(url: string) => void>();
  const changed = (url: string) => listeners.forEach((listener) => listener(url));
  const means = (): CopyMeans => options.means?.() ?? { relay: null, offlineCache: false };
  // Shared by this page's tabs through localStorage; a cache of its own where there is none.
  const cors = options.corsMemory ?? corsMemory();

  async function keepOnce(url: string): Promise<KeptCopy> {
    if (!url || /^(blob|data):/i.test(url))
      return { kind: 'none', reason: storageMsg('copy.not-a-link') };
    const known = await storedCopy(options, url);
    if (known) return known;
    const { fetch, maxImageBytes, pictureCache, stagingCache, decodes, blocked } = options;
    const copy = await keepOne(
      {
        db,
        fetch,
        now,
        maxImageBytes,
        means,
        withRoom: deps.withRoom,
        ...(pictureCache ? { pictureCache } : {}),
        ...(stagingCache ? { stagingCache } : {}),
        ...(decodes ? { decodes } : {}),
        ...(blocked ? { blocked: (o: string) => blocked.has(o) } : {}),
        cors,
      },
      url,
    );
    if (copy.kind === 'none') failures.set(url, copy);
    else failures.delete(url);
    changed(url);
    return copy;
  }

  // A host the page's policy refuses explains every copy of it that could not be kept.
  options.blocked?.subscribe((origin) => {
    for (const [url, copy] of failures) {
      if (originOf(url) !== origin || copy.kind !== 'none' || !copy.missing) continue;
      if (copy.missing.code === 'lost') continue;
      failures.set(url, missing({ code: 'untrusted', origin }));
      changed(url);
    }
  });

  const keeper: CopyKeeper = {
    keep(url) {
      let pending = keeping.get(url);
      if (!pending) {
        pending = keepOnce(url);
        keeping.set(url, pending);
        void pending.finally(() => keeping.delete(url));
      }
      return pending;
    },

    async copyOf(url) {
      const pending = keeping.get(url);
      if (pending) return pending;
      const stored = await storedCopy(options, url);
      if (stored) return stored;
      const failed = failures.get(url);
      // A link that expired since it failed: the copy is lost now.
      if (failed && failed.kind === 'none' && failed.missing && isLinkExpired(url, now()))
        return missing({ code: 'lost' });
      return failed ?? noCopyYet(url, now(), means());
    },

    async keepMissing(urls) {
      const have = await storedUrls(options);
      for (const url of urls) {
        if (have.has(url) || isLinkExpired(url, now())) continue;
        if (means().online === false) return;
        // A clip cannot be kept without a relay: trying again changes nothing.
        if (isClipUrl(url) && !means().relay) continue;
        await keeper.keep(url);
      }
    },

    async repair(url) {
      const copy = await keeper.copyOf(url);
      if (copy.kind === 'none') return copy;
      if ((await copyDecodes(options, url, copy.kind)) !== false) return copy;
      await removeCopy(options, url, copy.kind, deps.forget);
      failures.delete(url);
      changed(url);
      return keeper.keep(url);
    },

    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async blobOf(url) {
      try {
        return (await (await db()).get('blobs', url))?.blob ?? null;
      } catch {
        return null;
      }
    },
  };
  return keeper;
}
