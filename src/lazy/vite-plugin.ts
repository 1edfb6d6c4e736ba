/**
 * The build half of the lazy-loading mechanism (the browser half is `retrying-preload.ts`).
 * Vite routes every `import()` of the built studio through its preload helper, with the list of
 * files the chunk needs; this plugin puts `retryingPreload` in that helper's place, and makes sure
 * the list always names the chunk itself, so each file is fetched (and retried) before it is
 * imported.
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const HELPER_ID = /^\0vite\/preload-helper\.js$/;
/** What the build's code calls, as Vite's own helper defines it. */
const HELPER_SIGNATURE =
  /export const __vitePreload = function preload\(baseModule, deps, importerUrl\)/;
const RUNTIME = fileURLToPath(new URL('./retrying-preload.ts', import.meta.url));

/**
 * The preload helper the build's code calls (`__vitePreload(baseModule, deps, importerUrl)`):
 * `retryingPreload` in place of Vite's own, which would add module preloads (a module fetch that
 * fails stays failed in some browsers) and never add a failed stylesheet again. Throws if Vite's
 * helper no longer has that signature, rather than build a studio whose imports are not retried.
 */
export function replacePreloadHelper(code: string, runtime = RUNTIME): string {
  if (!HELPER_SIGNATURE.test(code))
    throw new Error(
      "Vite's preload helper changed its signature: lazy parts would not be retried. " +
        'Check src/lazy/vite-plugin.ts against it.',
    );
  return (
    `import { retryingPreload } from ${JSON.stringify(runtime)};\n` +
    `export const __vitePreload = /* @__PURE__ */ retryingPreload((load) => load());\n`
  );
}

/**
 * The files a dynamic import preloads, the chunk itself always among them (Vite leaves the list
 * empty when the chunk needs nothing else, and a file not listed would not be fetched first).
 */
export function withOwnChunk(
  file: string,
  deps: string[],
  { hostType }: { hostType: 'html' | 'js' },
): string[] {
  return hostType === 'js' && !deps.includes(file) ? [file, ...deps] : deps;
}

/** Retries every lazily loaded part of the build (see `retrying-preload.ts`). */
export function lazyRetryPlugin(): Plugin {
  return {
    name: 'imagine-studio-lazy-retry',
    apply: 'build',
    config: () => ({ build: { modulePreload: { resolveDependencies: withOwnChunk } } }),
    transform: {
      filter: { id: HELPER_ID },
      handler: (code) => ({ code: replacePreloadHelper(code), map: null }),
    },
  };
}
