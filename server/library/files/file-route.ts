/**
 * `GET /files/:job/:role`: a kept copy, served from the studio's own origin so it never expires
 * and needs no CORS. Ranges are answered (a clip is sought in), and the headers keep a file a
 * file: its own type only, never sniffed, never a page with script.
 */
import { and, eq } from 'drizzle-orm';
import type { Context, Env, Hono } from 'hono';
import type { LibraryDb } from '../db/open-library';
import { files } from '../db/schema';
import { fileErrorWords, type FileError } from './file-errors';
import { ROLE, type ByteRange, type FileStore } from './file-store';

/** Where the route answers. */
export const FILES_PATH = '/files/:job/:role';

/** What the route reads from. */
export interface FileRouteOptions {
  db: LibraryDb;
  store: FileStore;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Headers every kept file is sent with. */
const FILE_HEADERS = {
  // A kept copy never changes: a new one gets a new job or role.
  'cache-control': 'private, max-age=31536000, immutable',
  'x-content-type-options': 'nosniff',
  'content-security-policy': 'sandbox',
  'cross-origin-resource-policy': 'same-origin',
  'accept-ranges': 'bytes',
};

/** Mount the route on a Hono app (GET and HEAD). */
export function mountFiles<E extends Env>(app: Hono<E>, options: FileRouteOptions): void {
  app.on(['GET', 'HEAD'], FILES_PATH, (c) => serveFile(c, options));
}

/** Answer one request for a kept file. */
export async function serveFile(c: Context, options: FileRouteOptions): Promise<Response> {
  const job = c.req.param('job') ?? '';
  const role = c.req.param('role') ?? '';
  if (!UUID.test(job) || !ROLE.test(role))
    return missing(`There is no kept file ${role} of job ${job}.`);
  const [row] = await options.db
    .select()
    .from(files)
    .where(and(eq(files.jobId, job), eq(files.role, role)));
  if (!row) return missing(`No copy of the ${role} of job ${job} was kept.`);
  if (row.state === 'failed') return missing(fileErrorWords(row.error as FileError));
  if (row.state !== 'stored' || !row.storageKey)
    return missing(`The copy of the ${role} of job ${job} is still being kept.`);
  const found = await options.store.head(row.storageKey);
  if (!found) return missing(`The kept copy of the ${role} of job ${job} is gone from storage.`);
  const headers: Record<string, string> = {
    ...FILE_HEADERS,
    'content-type': row.contentType ?? found.contentType,
    ...(row.sha256 ? { etag: `"${row.sha256}"` } : {}),
  };
  const asked = c.req.header('range');
  const range = asked ? parseRange(asked, found.bytes) : undefined;
  if (range === 'unsatisfiable')
    return new Response(null, {
      status: 416,
      headers: { ...headers, 'content-range': `bytes */${found.bytes}` },
    });
  const length = range ? range.end - range.start + 1 : found.bytes;
  const status = range ? 206 : 200;
  headers['content-length'] = String(length);
  if (range) headers['content-range'] = `bytes ${range.start}-${range.end}/${found.bytes}`;
  if (c.req.method === 'HEAD') return new Response(null, { status, headers });
  const read = await options.store.get(row.storageKey, range);
  if (!read) return missing(`The kept copy of the ${role} of job ${job} is gone from storage.`);
  return new Response(read.body, { status, headers });
}

/**
 * The one range a `Range` header asks of a file of `size` bytes: undefined to send the whole
 * file (no header, another unit, or several ranges, which RFC 9110 lets a server ignore), or
 * `unsatisfiable` when it starts past the end.
 */
export function parseRange(header: string, size: number): ByteRange | 'unsatisfiable' | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  const [first, last] = [match[1]!, match[2]!];
  if (first === '') {
    // The last N bytes.
    const n = Number(last);
    if (n === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size) return 'unsatisfiable';
  if (end < start) return undefined;
  return { start, end };
}

function missing(message: string): Response {
  return new Response(JSON.stringify({ error: { code: 'file_not_found', message } }), {
    status: 404,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
}
