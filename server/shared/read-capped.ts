/**
 * Reading a body without letting it grow past a limit: request bodies (the HTTP layer) and
 * fetched image prompts (the engine core) both come through here.
 */

/** Request bodies and fetched images above this are refused (masks of big upscales stay well below). */
export const MAX_BODY_BYTES = 20 * 1024 * 1024;

/**
 * A body's bytes, refusing more than `limit` without buffering them all (null: too large). The
 * declared length is checked first, and the count again while it streams: a sender may give no
 * length, or lie about it. The stream is cancelled as soon as it is refused.
 */
export async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  declaredLength: string | null,
  limit = MAX_BODY_BYTES,
): Promise<Buffer | null> {
  const declared = Number(declaredLength ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    await body?.cancel().catch(() => undefined);
    return null;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (body) {
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        return null;
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks);
}
