/**
 * A part of the studio's code that could not be fetched, after the retries: the network, not a
 * bug. Parts say "Couldn't load …" with a Retry for it, rather than a failure of their own.
 */
export class ChunkLoadError extends Error {
  override name = 'ChunkLoadError';

  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

/** A failed load of the studio's code (the build's preload helper reports every one this way). */
export function isChunkLoadError(err: unknown): boolean {
  return err instanceof Error && err.name === 'ChunkLoadError';
}
