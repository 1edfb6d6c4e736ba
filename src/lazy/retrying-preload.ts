/**
 * Every lazily loaded part of the studio goes through the build's preload helper
 * (`__vitePreload`), given the chunk and every chunk it imports. The build puts
 * {@link retryingPreload} in place of Vite's own (see `vite-plugin.ts`), so one mechanism serves
 * every `import()`.
 *
 * Why not retry the `import()` on a new URL: a browser that keeps a failed module fetch in its
 * module map (Chromium before the HTML change that stopped it, e.g. Debian's 150) keeps it for
 * every importer. A chunk re-imported as `x.js?retry=1` still imports `./shared.js`, the
 * chunk that failed, by its old URL: the retry fails too. So the module loader is never let near
 * a file until that file has come in: each one is fetched first with a plain `fetch()` (whose
 * failure no module map keeps), retried with backoff, and only then imported, from the HTTP
 * cache (assets are immutable).
 */
import { browserHost, type PreloadHost } from './browser-host';
import { ChunkLoadError } from './chunk-load-error';

/** A preload helper's call: the import to run, the files it needs, and where they are relative to. */
export type Preload = <M>(
  baseModule: () => Promise<M>,
  deps?: string[],
  importerUrl?: string,
) => Promise<M>;

/** How often and how patiently a load is tried. */
export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** The wait before the second try; each later wait doubles. */
  firstDelayMs: number;
}

/** Four tries over about 3.5 s: a dropped request is made good before anyone notices. */
export const RETRY_POLICY: RetryPolicy = { attempts: 4, firstDelayMs: 500 };

/** Set while {@link prefetch} calls its load: the helper then fetches the files, and stops. */
let prefetching: Promise<void>[] | undefined;

/**
 * Fetches into the HTTP cache the files that `load`'s `import()` needs, with the same retries,
 * without importing them. For code fetched ahead of need (the client, the schemas): an import is
 * a module fetch, and one cut off by the network going away would stay failed in a browser that
 * keeps failed fetches, until a reload. The import itself waits for the first real need.
 */
export function prefetch(load: () => Promise<unknown>): Promise<void> {
  const fetched: Promise<void>[] = [];
  prefetching = fetched;
  try {
    // The import never runs (the helper stops before it): this promise never settles.
    void load();
  } finally {
    prefetching = undefined;
  }
  return Promise.all(fetched).then(() => undefined);
}

/**
 * `preload` made to survive a flaky network: the chunk and its dependencies are fetched first,
 * its stylesheets applied, and only then is the import run. A failure is tried again after
 * 0.5 s, 1 s, 2 s (sooner if the network comes back). Offline, or after the last try, it rejects
 * with a {@link ChunkLoadError} at once: the caller asks again (a Retry, the `online` event), and
 * nothing of the failure is kept. Each file is fetched once while that succeeds, and concurrent
 * loads share the fetch.
 */
export function retryingPreload(
  preload: Preload,
  host: PreloadHost = browserHost(),
  policy: RetryPolicy = RETRY_POLICY,
): Preload {
  let page: Set<string> | undefined;
  const warmed = new Map<string, Promise<void>>();
  const styled = new Map<string, Promise<void>>();
  const once = (done: Map<string, Promise<void>>, run: (url: string) => Promise<void>) => {
    return (url: string) => {
      let p = done.get(url);
      if (!p) {
        p = run(url).catch((err: unknown) => {
          done.delete(url);
          throw err;
        });
        done.set(url, p);
      }
      return p;
    };
  };
  const warm = once(warmed, (url) => host.warm(url));
  const style = once(styled, (url) => host.style(url));

  /** Runs `step` until it succeeds, with backoff; rejects when offline or out of tries. */
  async function retried<T>(urls: string[], step: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        await Promise.all(urls.map(warm));
        try {
          return await step();
        } catch (err) {
          // Which file the import missed is not known: fetch them all again next time.
          for (const url of urls) warmed.delete(url);
          throw err;
        }
      } catch (err) {
        if (attempt >= policy.attempts || !host.online()) throw new ChunkLoadError(err);
        await host.pause(policy.firstDelayMs * 2 ** (attempt - 1));
      }
    }
  }

  return (baseModule, deps, importerUrl) => {
    // Read before the helper adds links of its own: what the page started with is in.
    page ??= new Set(host.pageFiles());
    const urls = (deps ?? []).map((d) => host.resolve(d, importerUrl)).filter((u) => !page!.has(u));
    if (prefetching) {
      prefetching.push(retried(urls, async () => undefined));
      return new Promise<never>(() => {});
    }
    return retried(urls, async () => {
      // Applied here, not by the helper: it never adds a stylesheet again once one failed.
      await Promise.all(urls.filter((u) => /\.css(\?|$)/.test(u)).map(style));
      // Gone offline meanwhile: the import would fetch what the cache lacks, and fail for good.
      if (!host.online()) throw new Error('Offline');
      return preload(baseModule, deps, importerUrl);
    });
  };
}
