/**
 * Serving attachments (finals, thumbnails, previews, clips) from the engine's picture origin, as
 * the provider's CDN does: signed links, one byte range, caching until the link dies.
 */
import { variantOf } from '../../engine/attachment-links';
import type { EngineContext } from '../../engine/context';
import { linkValid } from '../../engine/ids';
import { json, withoutCors } from '../../http/responses';

/** What attachments carry when the CDN's CORS is on (`--cdn-cors on`). */
export const CDN_CORS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD',
  // A cross-origin video player reads these to seek.
  'access-control-expose-headers': 'accept-ranges, content-range, content-length',
};

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
