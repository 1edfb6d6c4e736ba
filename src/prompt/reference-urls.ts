/**
 * Reference images: the image URLs a prompt starts with. Midjourney fetches them itself, so a
 * link has to be a direct http(s) image file; a web page or a `data:` URL fails only after the
 * task has been queued. These checks catch that while the person is still pasting.
 */
import { i18n } from '@lingui/core';
import { msg, t } from '@lingui/core/macro';
import { MAX_IMAGE_PROMPTS } from '../api/prompt-syntax';
import { getImageUrls, setImageUrls } from './compose';
import { isLinkExpired } from './link-expiry';

/** The outcome of checking one pasted link: the cleaned URL, or what to change (in the active language). */
export type UrlCheck = { ok: true; url: string } | { ok: false; message: string };

/** Where the studio itself is served; its engine's `/attachments/` images count as images. */
export interface UrlCheckOptions {
  /** Defaults to `location.origin` in a browser; without it no same-origin link is assumed. */
  origin?: string;
  /** The time to judge a link's `ex` against (ms); defaults to now. */
  now?: number;
}

/** Said when a link's `ex` is past: the service would fail the task after taking a credit. */
export const EXPIRED_LINK = msg`This link has expired (its ex= time is past), so the service can no longer fetch it and the task would fail after spending a credit. Use a picture with a live link — or the picture's own "Use as reference" in the feed: on the local engine the studio can send its kept copy instead; whether AceData accepts a re-hosted copy is UNCERTAIN.`;

/** Hosts that serve image files without a file extension in the path. */
const IMAGE_HOSTS: ReadonlySet<string> = new Set([
  'cdn.acedata.cloud',
  'midjourney.cdn.acedata.cloud',
  'platform.cdn.acedata.cloud',
  'cdn.midjourney.com',
  'cdn.discordapp.com',
  'media.discordapp.net',
]);

const IMAGE_EXTENSION = /\.(png|jpe?g|webp|gif)$/i;

function currentOrigin(): string | undefined {
  const location = (globalThis as { location?: { origin?: string } }).location;
  return location?.origin;
}

/**
 * Check a pasted image link. Trims it (and the `<…>` some chat apps wrap links in; an
 * `/attachments/…` path of this studio's own origin is made absolute), then
 * requires an absolute http(s) URL without spaces that points at an image file: a path ending
 * in .png/.jpg/.jpeg/.webp/.gif, an `/attachments/` image of this studio's own origin, or a
 * known image CDN. Messages say what to change.
 */
export function checkImageUrl(input: string, opts: UrlCheckOptions = {}): UrlCheck {
  const url = input
    .trim()
    .replace(/^<(.*)>$/s, '$1')
    .trim();
  if (url === '') return fail(t`Paste a link to an image file (https://…/picture.png).`);

  if (/^[a-z]:[\\/]/i.test(url)) {
    return fail(t`This is a file on your computer — upload it and paste its https:// link.`);
  }
  const origin = opts.origin ?? currentOrigin();
  // The engine may hand out its own images as paths; on this origin they resolve to a full link.
  const local = url.startsWith('/attachments/') && !/\s/.test(url) ? resolve(url, origin) : null;
  if (local) return checkImageUrl(local, { origin: origin ?? '' });
  const scheme = /^([a-z][a-z0-9+.-]*):(?!\d)/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    return url.startsWith('/')
      ? fail(t`Use the full link, starting with https:// — a path on its own cannot be fetched.`)
      : fail(t`Add https:// at the start — image links must be full http(s) addresses.`);
  }
  if (scheme !== 'http' && scheme !== 'https') {
    return fail(
      t`Only http(s) image links work — this is a ${scheme}: URL. Upload the image somewhere and paste its https:// link.`,
    );
  }
  if (/\s/.test(url)) {
    return fail(t`Image links cannot contain spaces — remove them or write each one as %20.`);
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail(t`This link is incomplete — paste the whole address, like https://host/image.png.`);
  }
  // `https:host/x.png` parses, but the prompt grammar only takes `https://…` as an image URL.
  if (!/^https?:\/\//i.test(url) || parsed.hostname === '') {
    return fail(t`This link is incomplete — paste the whole address, like https://host/image.png.`);
  }
  if (parsed.username || parsed.password) {
    return fail(
      t`Remove the user name and password from the link — they would be sent with the prompt.`,
    );
  }
  const engineImage = parsed.pathname.startsWith('/attachments/') && parsed.origin === origin;
  if (!IMAGE_EXTENSION.test(parsed.pathname) && !engineImage && !IMAGE_HOSTS.has(parsed.hostname)) {
    return fail(
      t`This looks like a web page, not an image file: link directly to a .png/.jpg/.webp (right-click the image → Copy image address).`,
    );
  }
  if (isLinkExpired(url, opts.now ?? Date.now())) return fail(i18n._(EXPIRED_LINK));
  return { ok: true, url };
}

function resolve(path: string, origin: string | undefined): string | null {
  if (!origin) return null;
  try {
    return new URL(path, origin).href;
  } catch {
    return null; // a page opened from file:// has the origin "null"
  }
}

function fail(message: string): UrlCheck {
  return { ok: false, message };
}

/** Same link, ignoring differences URL parsing erases (host case, default port). */
function sameUrl(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return false;
  }
}

/**
 * Add a reference image after the ones the prompt already starts with. Refuses a link that
 * fails `checkImageUrl`, a duplicate, and a sixth image (Midjourney takes at most 5).
 */
export function addReference(
  prompt: string,
  url: string,
  opts: UrlCheckOptions = {},
): { prompt: string } | { error: string } {
  const check = checkImageUrl(url, opts);
  if (!check.ok) return { error: check.message };
  const urls = getImageUrls(prompt);
  if (urls.some((u) => sameUrl(u, check.url))) {
    return { error: t`This image is already in the prompt.` };
  }
  if (urls.length >= MAX_IMAGE_PROMPTS) {
    return {
      error: t`A prompt holds at most ${MAX_IMAGE_PROMPTS} images — remove one before adding another.`,
    };
  }
  return { prompt: setImageUrls(prompt, [...urls, check.url]) };
}

/** Remove a reference image (every copy of it) from the prompt's leading image URLs. */
export function removeReference(prompt: string, url: string): string {
  const target = url.trim();
  const urls = getImageUrls(prompt);
  const kept = urls.filter((u) => !sameUrl(u, target));
  return kept.length === urls.length ? prompt : setImageUrls(prompt, kept);
}
