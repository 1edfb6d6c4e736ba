/**
 * The build half of the lazy-loading mechanism (the browser half is `retrying-preload.ts`).
 * Vite routes every `import()` of the built studio through its preload helper, with the list of
 * files the chunk needs; this plugin wraps that helper in `retryingPreload`, and makes sure the
 * list always names the chunk itself, so each file is fetched (and retried) before it is imported.
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const HELPER_ID = /^\0vite\/preload-helper\.js$/;
const HELPER_EXPORT = 'export const __vitePreload =';
const RUNTIME = fileURLToPath(new URL('./retrying-preload.ts', import.meta.url));

/** Vite's helper code, its preload wrapped in `retryingPreload`; throws if its shape changed. */
export function wrapPreloadHelper(code: string, runtime = RUNTIME): string {
  if (!code.includes(HELPER_EXPORT))
    throw new Error(
      `Vite's preload helper no longer says "${HELPER_EXPORT}": lazy parts would not be retried.`,
    );
  return (
    `import { retryingPreload as __retrying } from ${JSON.stringify(runtime)};\n` +
    code.replace(HELPER_EXPORT, 'const __vitePreloadOnce =') +
    `\nexport const __vitePreload = /* @__PURE__ */ __retrying(__vitePreloadOnce);\n`
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
      handler: (code) => ({ code: wrapPreloadHelper(code), map: null }),
    },
  };
}
