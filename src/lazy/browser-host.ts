/** What the retrying preload needs from the browser (tests give their own). */
export interface PreloadHost {
  /** A dependency's URL as the helper lists it (relative to the base, or to the importer). */
  resolve(dep: string, importerUrl?: string): string;
  /** Fetches a file whole into the HTTP cache; rejects on a network error or an HTTP error. */
  warm(url: string): Promise<void>;
  /** Applies a stylesheet (a `<link>`, removed again if it fails). */
  style(url: string): Promise<void>;
  /** Waits `ms`, or less when the network comes back meanwhile. */
  pause(ms: number): Promise<void>;
  /** False when the browser knows it is offline. */
  online(): boolean;
  /** The files the page already runs (its own scripts and stylesheets): never fetched again. */
  pageFiles(): string[];
}

/** The real browser, for the built studio. */
export function browserHost(): PreloadHost {
  return {
    resolve: (dep, importerUrl) =>
      new URL(importerUrl ? dep : import.meta.env.BASE_URL + dep, importerUrl ?? location.href)
        .href,
    warm: async (url) => {
      const res = await fetch(url, { credentials: 'same-origin' });
      // Read to the end: only a whole answer is kept in the HTTP cache for the import to find.
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
    },
    style: (url) =>
      new Promise<void>((resolve, reject) => {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.crossOrigin = '';
        link.href = url;
        link.onload = () => resolve();
        link.onerror = () => {
          link.remove();
          reject(new Error(`Unable to load the stylesheet ${url}`));
        };
        document.head.appendChild(link);
      }),
    pause: (ms) =>
      new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          window.removeEventListener('online', done);
          resolve();
        };
        const timer = setTimeout(done, ms);
        window.addEventListener('online', done);
      }),
    online: () => navigator.onLine !== false,
    pageFiles: () =>
      [
        ...document.querySelectorAll<HTMLScriptElement & HTMLLinkElement>(
          'script[src],link[rel=modulepreload],link[rel=stylesheet]',
        ),
      ].map((el) => el.src || el.href),
  };
}
