/**
 * Attachments: the files jobs store (finals, thumbnails, previews), where they live and the
 * signed, provider-shaped URL fields that name them. Serving them is the attachments endpoint's
 * (`server/endpoints/attachments/`); reading image prompts is `fetch-image.ts`'s.
 */
import type { Picture } from './pictures/picture';
import type { EngineContext } from './context';
import { DEFAULT_LINK_TTL_S, signedQuery } from './ids';
import type { Body } from './job';
import type { Attachment } from './task-store';

/** A stored file of a picture. */
export function fileOf(p: Picture, type = 'image/png'): Attachment['raw'] {
  return { bytes: p.png, type, width: p.width, height: p.height };
}

/** The variant a URL names: the thumbnail when it carries `width`/`height`. */
export function variantOf(url: URL, entry: Attachment): Attachment['raw'] {
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

/** Where a job's files live: `/attachments/<task>/<image>/<name>`, as the provider's CDN has it. */
export function attachmentPath(taskId: string, imageId: string, name: string): string {
  return `/attachments/${taskId}/${imageId}/${name}`;
}
