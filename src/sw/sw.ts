/**
 * The picture service worker (built on its own to `/sw.js`, see `sw-build-plugin.ts`). Where the
 * picture CDN allows no cross-origin reads and no relay is there, the page keeps each final
 * picture as an opaque response in Cache Storage; this worker answers the `<img>` requests for
 * cross-origin pictures from that cache first, so a picture still shows after its link expired,
 * after the HTTP cache was cleared, and in a fresh tab. It never caches what it fetches itself:
 * only final pictures belong there (the page puts them), not every live preview frame and grid
 * shown before its copy was kept; each opaque entry weighs megabytes in the quota (browsers pad
 * opaque sizes), and the History's kept-copies count must count copies, not whatever passed by.
 *
 * An opaque response hides its status, so the page keeps one only after it has decoded it: it
 * stages the response, and this worker answers `PICTURE_CHECK_PATH` with the staged (or kept)
 * copy for the page to decode. A copy that does not decode is never kept, or is removed.
 */
import { clientsClaim } from 'workbox-core';
import { registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { PICTURE_CACHE, PICTURE_CHECK_PATH, STAGING_CACHE } from '../storage/image-cache/kept-copy';

// The DOM lib types `self` as a Window; this file runs in a ServiceWorkerGlobalScope.
const scope = self as unknown as { skipWaiting(): Promise<void>; location: Location };

// A new worker takes over at once: pictures must be answered from the first page that has it.
void scope.skipWaiting();
clientsClaim();

// The copy the page asks to decode: a staged one (before it is kept) or a kept one (to check it).
registerRoute(
  ({ url }) => url.origin === scope.location.origin && url.pathname === PICTURE_CHECK_PATH,
  async ({ url }) => {
    const picture = url.searchParams.get('url') ?? '';
    const from = url.searchParams.get('from') === 'kept' ? PICTURE_CACHE : STAGING_CACHE;
    const copy = picture ? await (await caches.open(from)).match(picture) : undefined;
    return copy ?? new Response(null, { status: 404, headers: { 'cache-control': 'no-store' } });
  },
);

registerRoute(
  ({ request, url }) =>
    request.destination === 'image' &&
    /^https?:$/.test(url.protocol) &&
    url.origin !== scope.location.origin,
  new CacheFirst({
    cacheName: PICTURE_CACHE,
    plugins: [
      // Workbox stores nothing when `cacheWillUpdate` answers null: the cache is the page's alone.
      { cacheWillUpdate: async () => null },
      // A readable error kept by an older version is never served as the picture (an opaque
      // copy hides its status; the page checked it decodes before keeping it).
      {
        cachedResponseWillBeUsed: async ({ cachedResponse }) =>
          cachedResponse && (cachedResponse.type === 'opaque' || cachedResponse.ok)
            ? cachedResponse
            : null,
      },
    ],
  }),
);
