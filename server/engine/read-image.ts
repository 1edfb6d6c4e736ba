/** Reading an image a request names, for the endpoints that work on one (describe, edits, videos). */
import { MAX_REFERENCE_PIXELS, TaskFailure, headerSize } from './pictures/actions';
import type { EngineContext } from './context';
import { fetchImage } from './fetch-image';

/** The image at `url`, checked for size before anything is decoded; throws `TaskFailure`. */
export async function readImageAt(ctx: EngineContext, url: string): Promise<Buffer> {
  if (!/^https?:\/\/\S+$/i.test(url))
    throw new TaskFailure('bad_request', `image_url must be an http(s) URL; got ${url}`);
  let bytes: Buffer;
  try {
    bytes = await fetchImage(ctx, url);
  } catch (err) {
    throw new TaskFailure(
      'bad_request',
      `Cannot fetch image URL ${url}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const size = await headerSize(bytes);
  if (!size) throw new TaskFailure('bad_request', `Cannot read the image at ${url}`);
  if (size.width * size.height > MAX_REFERENCE_PIXELS)
    throw new TaskFailure(
      'bad_request',
      `The image at ${url} is ${size.width}×${size.height} pixels; at most ${MAX_REFERENCE_PIXELS} pixels (4096×4096) are read`,
    );
  return bytes;
}
