/**
 * Does a picture decode in this page? The check behind keeping an opaque copy: the page cannot read
 * an opaque response, but the service worker can answer a same-origin `<img>` with it (the
 * `PICTURE_CHECK_PATH` route), and the page can see whether that decodes. Object URLs of blobs
 * decode without the worker.
 */
import { PICTURE_CHECK_PATH } from './kept-copy';
import type { Decodes } from './keep-one';

/** How long to wait for the service worker to take the page over (it registers after paint). */
const CONTROL_WAIT_MS = 10_000;

/** Waits (a while) for a service worker to take the page over. */
function controllerWithin(container: ServiceWorkerContainer, ms: number): Promise<boolean> {
  if (container.controller) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      container.removeEventListener('controllerchange', done);
      resolve(!!container.controller);
    };
    const timer = setTimeout(done, ms);
    container.addEventListener('controllerchange', done);
  });
}

/**
 * Whether a service worker controls the page, waiting a while for it: it registers just after
 * the first paint. Where none registered within the wait, later checks do not wait again (a
 * browser that blocks workers would otherwise wait on every picture).
 */
function controlledBy(container: ServiceWorkerContainer | undefined): () => Promise<boolean> {
  let gaveUp = false;
  return async () => {
    if (!container) return false;
    if (container.controller) return true;
    const registered = !!(await container.getRegistration().catch(() => undefined));
    if (!registered && gaveUp) return false;
    const yes = await controllerWithin(container, CONTROL_WAIT_MS);
    if (!yes && !registered) gaveUp = true;
    return yes;
  };
}

/** Decodes `src` with an `Image`; true once it has pixels. */
async function decodeImage(src: string): Promise<boolean> {
  const img = new Image();
  img.decoding = 'async';
  img.src = src;
  try {
    await img.decode();
    return img.naturalWidth > 0;
  } catch {
    return false;
  }
}

/**
 * True when this studio's worker answers `src` with the picture's copy: only the worker can answer
 * a same-origin URL with an opaque (cross-origin) response. A worker of an older version, or the
 * server, answers otherwise; then nothing can be told, and nothing is kept or removed.
 */
async function workerAnswers(src: string): Promise<boolean> {
  try {
    const res = await fetch(src, { mode: 'no-cors', credentials: 'omit' });
    return res.type === 'opaque';
  } catch {
    return false;
  }
}

/** The page's decode check: null where a check URL has no service worker to answer it. */
export function pageDecodes(
  container: ServiceWorkerContainer | undefined = globalThis.navigator?.serviceWorker,
): Decodes {
  const controlled = controlledBy(container);
  return async (src) => {
    if (src.startsWith(PICTURE_CHECK_PATH)) {
      if (!(await controlled()) || !(await workerAnswers(src))) return null;
    }
    return decodeImage(src);
  };
}
