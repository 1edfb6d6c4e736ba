/**
 * Attachments: the files jobs store (finals, thumbnails, previews), the provider-shaped URL
 * fields that name them, serving them, and reading image prompts (this engine's own attachments
 * straight from the store, others fetched).
 */
import { MAX_BODY_BYTES, json, withoutCors } from '../http/http-util';

/** What attachments carry when the CDN's CORS is on (`--cdn-cors on`). */
export const CDN_CORS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD',
  // A cross-origin video player reads these to seek.
  'access-control-expose-headers': 'accept-ranges, content-range, content-length',
};
import type { Picture } from '../pictures/pictures';
import type { EngineContext } from './context';
import { DEFAULT_LINK_TTL_S, linkValid, signedQuery } from './ids';
import type { Body } from './job';
import type { Attachment } from './task-store';

/** A stored file of a picture. */
export function fileOf(p: Picture, type = 'image/png'): Attachment['raw'] {
  return { bytes: p.png, type, width: p.width, height: p.height };
}

/** The variant a URL names: the thumbnail when it carries `width`/`height`. */
function variantOf(url: URL, entry: Attachment): Attachment['raw'] {
  return url.searchParams.has('width') && entry.thumb ? entry.thumb : entry.raw;
}

/** A signed link to a stored path. */
export function linkTo(ctx: EngineContext, origin: string, path: string): string {
  const ttl = ctx.options.linkTtlS ?? DEFAULT_LINK_TTL_S;
  const base = ctx.options.cdnOrigin ?? origin;
  return `${base}${path}?${signedQuery(path, ctx.secret, ctx.now(), ttl)}`;
}

/** The `image_url`/`raw_image_url` fields (and sizes, id) of a stored picture. */
export function imageFields(
  ctx: EngineContext,
  origin: string,
  path: string,
  imageId: string,
  raw: { width: number; height: number },
  thumb: { width: number; height: number },
): Body {
  const link = linkTo(ctx, origin, path);
  return {
    image_url: `${link}width=${thumb.width}&height=${thumb.height}`,
    image_width: thumb.width,
    image_height: thumb.height,
    image_id: imageId,
    raw_image_url: link,
    raw_image_width: raw.width,
    raw_image_height: raw.height,
  };
}

/** The byte range a `range` header asks for (one range only), 'bad' when unsatisfiable. */
function byteRange(header: string | null, size: number): [number, number] | 'bad' | null {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    // A suffix: the last N bytes.
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  return start >= size || start > end ? 'bad' : [start, end];
}

/**
 * How long a final file may be cached: its bytes never change, but its link dies at `ex`, and a
 * cache must not keep showing what the link no longer serves.
 */
function finalCaching(ctx: EngineContext, url: URL): string {
  const left = parseInt(url.searchParams.get('ex') ?? '0', 16) - Math.floor(ctx.now() / 1000);
  const maxAge = Math.max(0, Math.min(31_536_000, Number.isFinite(left) ? left : 0));
  return `public, max-age=${maxAge}, immutable`;
}

/**
 * Answer a GET or HEAD of an attachment. One byte range is honoured (206), as a CDN does, so a
 * browser can seek a video (Chromium asks for ranges of MP4s).
 */
export function serveAttachment(
  ctx: EngineContext,
  url: URL,
  method: string,
  rangeHeader: string | null = null,
): Response {
  const entry = ctx.store.getFile(url.pathname);
  // An expired or tampered link is as dead as a missing file, as on the provider's CDN.
  if (!entry || !linkValid(url.pathname, url.searchParams, ctx.secret, ctx.now()))
    return withoutCors(
      json(
        {
          success: false,
          error: { code: 'not_found', message: `No attachment at ${url.pathname}` },
        },
        404,
      ),
    );
  const file = variantOf(url, entry);
  const size = file.bytes.length;
  const headers: Record<string, string> = {
    'content-type': file.type,
    'accept-ranges': 'bytes',
    'cache-control': entry.final ? finalCaching(ctx, url) : 'no-store',
    'x-content-type-options': 'nosniff',
    ...(ctx.options.cdnCors ? CDN_CORS : {}),
  };
  const range = byteRange(rangeHeader, size);
  if (range === 'bad')
    return new Response(null, {
      status: 416,
      headers: { ...headers, 'content-range': `bytes */${size}` },
    });
  const [start, end] = range ?? [0, size - 1];
  // A view, not a copy; sharp's buffers never live in a SharedArrayBuffer.
  const view = new Uint8Array(
    file.bytes.buffer as ArrayBuffer,
    file.bytes.byteOffset + start,
    end - start + 1,
  );
  headers['content-length'] = String(end - start + 1);
  if (range) headers['content-range'] = `bytes ${start}-${end}/${size}`;
  return new Response(method === 'HEAD' ? null : view, { status: range ? 206 : 200, headers });
}

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
  const tooLarge = new Error('the image is larger than 20 MB');
  if (Number(res.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) {
    await res.body?.cancel().catch(() => undefined);
    throw tooLarge;
  }
  // Counted while it streams: a server may send no length, or lie about it.
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (res.body) {
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge;
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks);
}

/** Where a job's files live: `/attachments/<task>/<image>/<name>`, as the provider's CDN has it. */
export function attachmentPath(taskId: string, imageId: string, name: string): string {
  return `/attachments/${taskId}/${imageId}/${name}`;
}
