/**
 * Identifiers and signatures the engine hands out, shaped like the provider's: Discord-style
 * 19-digit image ids, UUID v4 task ids, `?ex=&is=&hm=` attachment queries, and the 32-bit seeds
 * that make every picture a pure function of (prompt, seed, action).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

const DISCORD_EPOCH = 1_420_070_400_000n;
// Module-wide so that two engines in one process (tests, dev + preview) never mint the same id.
let lastImageId = 0n;

/** A new image id: a snowflake (ms since the Discord epoch << 22), strictly increasing. */
export function newImageId(now: number = Date.now()): string {
  let id = (BigInt(Math.floor(now)) - DISCORD_EPOCH) << 22n;
  if (id <= lastImageId) id = lastImageId + 1n;
  lastImageId = id;
  return id.toString();
}

let lastVideoId = 0n;

/** A new 16-digit video id: microseconds since the Unix epoch (as the provider's look), increasing. */
export function newVideoId(now: number = Date.now()): string {
  let id = BigInt(Math.floor(now)) * 1000n;
  if (id <= lastVideoId) id = lastVideoId + 1n;
  lastVideoId = id;
  return id.toString();
}

/** An unsigned 32-bit hash of some text (first four bytes of its SHA-256). */
export function hash32(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}

/** The seed of a prompt without `--seed`: a hash of its text. */
export function seedFromText(text: string): number {
  return hash32(`prompt:${text.trim()}`);
}

/** The seed of an action's result, derived from its source image's seed. */
export function deriveSeed(sourceSeed: number, ...parts: string[]): number {
  return hash32(`${sourceSeed}|${parts.join('|')}`);
}

/** The provider-like file name stem of a prompt: ASCII words joined by `_`, at most 60 chars. */
export function slugOf(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9\s-]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const slug = words.join('_').slice(0, 60).replace(/_+$/, '');
  return slug || 'image';
}

/** How long attachment links live by default (the provider's links expire about a day after). */
export const DEFAULT_LINK_TTL_S = 86_400;

function linkMac(path: string, ex: string, secret: string): string {
  return createHmac('sha256', secret).update(`${path}|${ex}`).digest('hex');
}

/**
 * The query the provider's CDN puts on attachment URLs (`ex` expiry, `is` issue time, both hex
 * seconds; `hm` an HMAC over the path and `ex`), ending in `&` as the provider's raw URLs do.
 */
export function signedQuery(
  path: string,
  secret: string,
  now: number = Date.now(),
  ttlS: number = DEFAULT_LINK_TTL_S,
): string {
  const issued = Math.floor(now / 1000);
  const ex = (issued + ttlS).toString(16);
  const is = issued.toString(16);
  return `ex=${ex}&is=${is}&hm=${linkMac(path, ex, secret)}&`;
}

/** Whether a link to `path` carries this engine's signature and has not expired. */
export function linkValid(
  path: string,
  query: URLSearchParams,
  secret: string,
  now: number = Date.now(),
): boolean {
  const ex = query.get('ex') ?? '';
  const hm = query.get('hm') ?? '';
  if (!/^[0-9a-f]{1,12}$/.test(ex) || !/^[0-9a-f]{64}$/.test(hm)) return false;
  const expected = Buffer.from(linkMac(path, ex, secret), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(hm, 'hex'))) return false;
  return Math.floor(now / 1000) <= parseInt(ex, 16);
}
