/**
 * URLs a request asks the engine to fetch (image prompts, blend images, the image to edit, a
 * video's first and last frames, the image to describe) or to post to (`callback_url`) must not
 * point at the engine itself: a callback to `/__engine/restart` would be the engine driving its
 * own admin on a web page's behalf. Refused when the request arrives, in the service's error
 * shape; the admin header stops what a name or a redirect could still smuggle past this check.
 */
import { splitPrompt } from '../../src/api/prompt-syntax';
import type { EngineContext } from '../engine/context';

/** A URL from a request, by the field it came in. */
export interface RequestUrl {
  field: string;
  url: string | null | undefined;
  /** The engine posts to it (a callback) rather than reading a picture from it. */
  callback?: boolean;
}

/** Reading a picture from the engine's own attachments is what a reference to a result does. */
function isPicturePath(url: string): boolean {
  try {
    return new URL(url).pathname.startsWith('/attachments/');
  } catch {
    return false;
  }
}

/** Why one of `urls` may not be used (it names the engine itself), or null. */
export function selfUrlProblem(
  ctx: EngineContext,
  req: Request,
  urls: readonly RequestUrl[],
): string | null {
  for (const { field, url, callback = false } of urls) {
    if (typeof url !== 'string') continue;
    if (!ctx.own.pointsAtSelf(url, { cdn: callback, requestUrl: req.url })) continue;
    if (callback)
      return `${field} ${url} points at this engine itself; the engine posts callbacks only to other servers. Give a webhook on another host or port.`;
    if (!isPicturePath(url))
      return `${field} ${url} points at this engine itself, where only picture links (/attachments/…) can be read. Give the picture's own link.`;
  }
  return null;
}

/** The image URLs leading a prompt, as fields of the request. */
export function promptUrls(prompt: unknown): RequestUrl[] {
  if (typeof prompt !== 'string') return [];
  return splitPrompt(prompt).imageUrls.map((url) => ({ field: 'The image prompt', url }));
}
