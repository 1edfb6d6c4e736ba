/**
 * Image links as a person reads them in a title: the host and the file name, never the query
 * string (a CDN's signed `?ex=…&hm=…` is noise, and long). Pure string work, shared by every
 * place that names a job.
 */
import type { I18n } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { splitPrompt } from '../api/prompt-syntax';

/** "cdn.example.com/cat.png" for `https://cdn.example.com/a/b/cat.png?ex=1&hm=2`. */
export function shortImageName(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.split(/[?#]/)[0] ?? url;
  }
  const file = parsed.pathname.split('/').filter(Boolean).pop() ?? '';
  let name = file;
  try {
    name = decodeURIComponent(file);
  } catch {
    // A malformed escape: the file name as written.
  }
  return name ? `${parsed.host}/${name}` : parsed.host;
}

const LINK = /https?:\/\/\S+/gi;

/**
 * A prompt as a title: every link by its short name, and a blend (links and no words) as
 * "2 images blended: a.png, b.png". The prompt itself is kept whole for copying and retries.
 */
export function promptTitle(prompt: string, i18n: I18n): string {
  const { imageUrls, text } = splitPrompt(prompt);
  if (imageUrls.length >= 2 && text === '') {
    const count = imageUrls.length;
    const names = imageUrls.map(shortImageName).join(', ');
    // What follows the images (its --params), its own links (a --sref) shortened too.
    const words = prompt.trim().split(/\s+/).slice(count);
    const rest = words.join(' ').replace(LINK, (url) => shortImageName(url));
    const head = i18n._(msg`${count} images blended: ${names}`);
    return rest ? `${head} ${rest}` : head;
  }
  return prompt.replace(LINK, (url) => shortImageName(url));
}
