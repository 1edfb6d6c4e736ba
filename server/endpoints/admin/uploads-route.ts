/**
 * `POST /__engine/uploads`: a picture's bytes in, a fresh signed CDN link out. The studio uses it
 * to re-host its kept copy of a picture whose link has expired, so that an image prompt names a
 * live link again. Like the other admin routes it is not part of the provider's API (AceData's
 * acceptance of such a copy is UNCERTAIN, reference §8), and it is guarded the same way.
 */
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { evict, type EngineContext } from '../../engine/context';
import { linkTo } from '../../engine/attachment-links';
import { errorResponse, json } from '../../http/responses';
import { readBytes } from '../../http/body';

/** The largest picture taken (a 2048² PNG grid is a few MB). */
export const MAX_UPLOAD_BYTES = 16 * 1024 * 1024;

/** The picture formats taken, by sharp's name, with the type they are served as. */
const FORMATS: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
};

/** Whether the request declares a picture type (checked before any byte is read). */
export function isImageContent(req: Request): boolean {
  const type = (req.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return Object.values(FORMATS).includes(type);
}

/** Keep an uploaded picture and answer its link: `{success, url, width, height}`. */
export async function upload(ctx: EngineContext, req: Request, trace: string): Promise<Response> {
  if (!isImageContent(req))
    return errorResponse(
      'unsupported_media_type',
      'Send the picture itself, with `content-type: image/png`, `image/jpeg`, `image/webp` or `image/gif`.',
      trace,
      415,
    );
  const bytes = await readBytes(req, MAX_UPLOAD_BYTES);
  if (bytes === null)
    return errorResponse(
      'too_large',
      `The picture is too large (limit ${MAX_UPLOAD_BYTES / 1024 / 1024} MB).`,
      trace,
      413,
    );
  // The header is enough to know what the bytes are; a body that only claims to be a picture
  // is refused here rather than served to a browser later.
  // sharp throws at once (not through the promise) on an empty buffer: an empty body is read as
  // no picture, like any other body that is not one.
  const meta =
    bytes.length === 0
      ? null
      : await sharp(bytes)
          .metadata()
          .catch(() => null);
  const type = meta?.format ? FORMATS[meta.format] : undefined;
  if (!meta || !type || !meta.width || !meta.height)
    return errorResponse(
      'bad_request',
      'The body is not a PNG, JPEG, WebP or GIF picture that can be read.',
      trace,
      400,
    );
  const path = `/attachments/uploads/${randomUUID()}/reference.${meta.format === 'jpeg' ? 'jpg' : meta.format}`;
  ctx.store.putUpload(path, { bytes, type, width: meta.width, height: meta.height }, ctx.now());
  evict(ctx);
  return json({
    success: true,
    url: linkTo(ctx, new URL(req.url).origin, path),
    width: meta.width,
    height: meta.height,
  });
}
