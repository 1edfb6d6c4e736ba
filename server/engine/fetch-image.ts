/**
 * Reading image prompts: this engine's own attachments straight from the store, others fetched
 * (redirects followed by hand, never to the engine's own API; at most 20 MB).
 */
import { MAX_BODY_BYTES, readCapped } from '../shared/read-capped';
import { variantOf } from './attachment-links';
import type { EngineContext } from './context';
import { linkValid } from './ids';

/** Redirects an image fetch follows, each hop checked as the first URL was. */
const MAX_IMAGE_REDIRECTS = 3;

/**
 * The response for an image URL, following redirects by hand: a hop may not lead to the engine's
 * own API (only to its picture links), nor off http(s).
 */
async function fetchFollowing(ctx: EngineContext, start: URL, signal: AbortSignal) {
  let url = start;
  for (let hop = 0; ; hop++) {
    if (ctx.own.pointsAtSelf(url.href) && !url.pathname.startsWith('/attachments/'))
      throw new Error('the link leads to this engine itself');
    const res = await ctx.fetchImpl(url, { redirect: 'manual', signal });
    const location = res.headers.get('location');
    if (res.status < 300 || res.status > 399 || !location) return res;
    await res.body?.cancel().catch(() => undefined);
    if (hop >= MAX_IMAGE_REDIRECTS) throw new Error('too many redirects');
    url = new URL(location, url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new Error(`a redirect to ${url.protocol} is not followed`);
  }
}

/** Image prompt bytes: this engine's own attachments straight from the store, others fetched. */
export async function fetchImage(ctx: EngineContext, urlText: string): Promise<Buffer> {
  const url = new URL(urlText);
  if (url.pathname.startsWith('/attachments/')) {
    const entry = ctx.store.getFile(url.pathname);
    // The engine's own link, read without the network, fails as fetching it would.
    if (entry && !linkValid(url.pathname, url.searchParams, ctx.secret, ctx.now()))
      throw new Error('HTTP 404');
    if (entry) return variantOf(url, entry).bytes;
  }
  const res = await fetchFollowing(
    ctx,
    url,
    AbortSignal.any([AbortSignal.timeout(15_000), ctx.closing.signal]),
  );
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    throw new Error(`HTTP ${res.status}`);
  }
  const bytes = await readCapped(res.body, res.headers.get('content-length'), MAX_BODY_BYTES);
  if (bytes === null) throw new Error('the image is larger than 20 MB');
  return bytes;
}
