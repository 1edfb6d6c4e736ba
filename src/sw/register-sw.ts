/**
 * Registers the picture service worker (`/sw.js`). Loaded lazily after first paint, so it is not
 * part of the initial JS. A browser without service workers (or an insecure context) keeps
 * blobs and relay copies only.
 */
export async function registerPictureWorker(
  container: ServiceWorkerContainer | undefined = globalThis.navigator?.serviceWorker,
): Promise<boolean> {
  if (!container) return false;
  try {
    await container.register('/sw.js', { scope: '/' });
    return true;
  } catch {
    return false;
  }
}
