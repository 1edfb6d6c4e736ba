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

/**
 * A failed load of code: the studio's own {@link ChunkLoadError}, or a browser's failed
 * `import()` (where no preload helper wraps it, as in development).
 */
export function isChunkLoadError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  return (
    err.name === 'ChunkLoadError' ||
    // Chromium, Firefox and Safari, in that order.
    /dynamically imported module|Importing a module script failed/i.test(err.message)
  );
}
