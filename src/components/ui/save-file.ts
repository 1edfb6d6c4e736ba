/**
 * Saving files from the browser: a blob under a chosen name, or an image by its URL, named from
 * its prompt. DOM only (no React); the feed and the history both save through here.
 */
import { MessageError } from '../../api/message';
import { REFUSED_URL_NOTE, isAllowedUrl } from '../../api/url-scheme';
import { imageFileName } from '../../prompt/file-name';

/** An image host answered with an HTTP error (the request itself went through). */
export class ImageHostError extends Error {
  constructor(readonly status: number) {
    super(`The image host answered HTTP ${status}; the link may have expired.`);
    this.name = 'ImageHostError';
  }
}

/**
 * Clicks a temporary `<a download>`: the browser saves `href` under `name`. Only an allowed
 * scheme is ever set: the contract already refuses others, and this is the last line.
 */
function clickDownload(href: string, name: string): void {
  if (!isAllowedUrl(href)) throw new MessageError(REFUSED_URL_NOTE);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
}

/** Saves a blob under `name` through a temporary `<a download>`. */
export function saveBlob(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  clickDownload(href, name);
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

/**
 * The bytes of an image, fetched without cookies or referrer (the hosts' links are signed).
 * Throws `ImageHostError` on an HTTP error; a `TypeError` when CORS or the network forbids it.
 */
export async function fetchImage(url: string): Promise<Blob> {
  const res = await fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer' });
  if (!res.ok) throw new ImageHostError(res.status);
  return res.blob();
}

/**
 * Saves an image under a name from its prompt. Fetches it as a blob so the name sticks even
 * cross-origin; when the host forbids that (CORS), falls back to opening the image's URL with
 * `<a download>`, for a manual save. An HTTP error throws `ImageHostError`; a link that is not
 * http(s), blob: or data:image throws an `Error` saying so and is neither fetched nor opened.
 */
export async function downloadImage(url: string, prompt: string): Promise<void> {
  if (!isAllowedUrl(url)) throw new MessageError(REFUSED_URL_NOTE);
  let blob: Blob;
  try {
    blob = await fetchImage(url);
  } catch (error) {
    if (error instanceof ImageHostError) throw error;
    clickDownload(url, imageFileName(prompt, url));
    return;
  }
  saveBlob(blob, imageFileName(prompt, url, blob.type));
}
