/**
 * What a start needs to know about imports, without the importer itself (which loads only when
 * a file is imported): the marker an unfinished import leaves, the lock the importing tab holds,
 * and clearing what an interrupted import staged.
 */
import type { StudioDb } from '../repository/schema';

/** `meta` key present while an import is under way. */
export const IMPORT_MARKER = 'import-in-progress';

/** Yields to the event loop (a macrotask, so input and paint get their turn). */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Resolves once the next frame has been painted and the browser is then idle (a macrotask where
 * there are no frames or no idle periods).
 */
export function afterFirstPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function' || typeof requestIdleCallback !== 'function') {
    return yieldToPage();
  }
  return new Promise((resolve) =>
    requestAnimationFrame(() =>
      setTimeout(() => requestIdleCallback(() => resolve(), { timeout: 1000 }), 0),
    ),
  );
}

/** Web Lock held by the tab that imports, so another tab's start never clears its staging. */
const IMPORT_LOCK = 'imagine-studio-import';

function lockManager(): LockManager | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.locks;
}

/** Runs `fn` holding the import lock (plainly where there are no Web Locks). */
export function holdingImportLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = lockManager();
  return locks ? (locks.request(IMPORT_LOCK, fn) as Promise<T>) : fn();
}

/**
 * Clears what an unfinished import left behind; true when there was one. An import another tab
 * is running right now is left alone.
 */
export async function discardUnfinishedImport(db: StudioDb): Promise<boolean> {
  // A read first: a start should not queue a write transaction when there is nothing to clear.
  if ((await db.get('meta', IMPORT_MARKER)) === undefined) return false;
  const held = await lockManager()
    ?.query()
    .then((state) => state.held?.some((lock) => lock.name === IMPORT_LOCK))
    .catch(() => false);
  if (held) return false;
  const tx = db.transaction(['staging', 'meta'], 'readwrite');
  const marker = await tx.objectStore('meta').get(IMPORT_MARKER);
  if (marker !== undefined) {
    await tx.objectStore('staging').clear();
    await tx.objectStore('meta').delete(IMPORT_MARKER);
  }
  await tx.done;
  return marker !== undefined;
}
