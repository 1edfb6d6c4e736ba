/**
 * The built studio: hashed assets cached for a year, everything else revalidated, and
 * index.html (rewritten once at start with the run-time tags) kept compressed in memory.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { writePageTags, type PageTags } from './html';

/** Vite puts content-hashed files here: their name changes whenever their bytes do. */
export const ASSETS_PREFIX = '/assets/';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/** index.html as served, in each encoding. */
export interface IndexPage {
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
}

/** Read dist/index.html and write the run-time tags into it. */
export async function loadIndexPage(distDir: string, tags: PageTags): Promise<IndexPage> {
  let html: string;
  try {
    html = await readFile(join(distDir, 'index.html'), 'utf8');
  } catch {
    throw new Error(`${join(distDir, 'index.html')} is missing: run \`npm run build\` first.`);
  }
  const identity = Buffer.from(writePageTags(html, tags));
  return {
    identity,
    gzip: gzipSync(identity, { level: 9 }),
    br: brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
  };
}

/** Send index.html in the best encoding the client accepts; never cached without revalidating. */
export function sendIndex(c: Context, page: IndexPage): Response {
  const accepted = c.req.header('accept-encoding') ?? '';
  const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : undefined;
  const body = encoding ? page[encoding] : page.identity;
  c.header('content-type', 'text/html; charset=utf-8');
  c.header('cache-control', REVALIDATE);
  c.header('vary', 'Accept-Encoding');
  if (encoding) c.header('content-encoding', encoding);
  c.header('content-length', String(body.length));
  if (c.req.method === 'HEAD') return c.body(null, 200);
  return c.body(new Uint8Array(body), 200);
}

/**
 * Files of dist/: `.br`/`.gz` twins written at build are sent where the client accepts them
 * (Hono's compress middleware makes gzip only, and per request).
 */
export function distFiles(distDir: string): MiddlewareHandler {
  const files = serveStatic({ root: distDir, precompressed: true });
  return async (c, next) => {
    const found = await files(c, next);
    // serveStatic's onFound runs after its response is made, so the header goes on the
    // response; when the file is missing, what comes back is `next`'s, not a file's.
    if (!(found instanceof Response)) return;
    found.headers.set(
      'cache-control',
      c.req.path.startsWith(ASSETS_PREFIX) ? IMMUTABLE : REVALIDATE,
    );
    return found;
  };
}
