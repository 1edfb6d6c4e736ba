import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { lingui } from '@lingui/vite-plugin';
import { parseAllowedHosts } from './server/shared/host-policy';
import { engineServerPlugin } from './server/host/vite-plugin';
import { cspDirectives, cspString } from './server/studio/csp';
import { linguiMacroPlugin } from './build/lingui-macro-plugin';
import { writePageTags } from './server/studio/html';
import { acedataFromEnv, pictureOriginsFromEnv } from './server/studio/options';
import { precompressPlugin } from './build/precompress';
import { serviceWorkerPlugin } from './build/sw-build-plugin';
import { catalogSplitPlugin } from './scripts/catalog-split-plugin';
import { lazyRetryPlugin } from './src/lazy/vite-plugin';

const port = Number(process.env.PORT ?? 5173);
const { acedataBaseUrl, passThroughTarget } = acedataFromEnv();
/**
 * DNS rebinding: Vite answers only this machine's names and IP addresses, its own `host`, and
 * these public names (the engine's paths, mounted below, check again against a shorter list).
 */
const allowedHosts = parseAllowedHosts(process.env.ALLOWED_HOSTS);

/**
 * The run-time tags for a build that any static host can serve: the studio's config (AceData's
 * base URL, no relay) and the same CSP the production server sends as a header, minus what a
 * meta tag cannot say (`frame-ancestors`). Added at build time only: Vite's dev server injects
 * inline scripts. The production server replaces both tags when it serves the page.
 */
function studioPageTags(): Plugin {
  const csp = cspString(
    cspDirectives({ acedataBaseUrl, pictureOrigins: pictureOriginsFromEnv() }),
    { forMeta: true },
  );
  return {
    name: 'imagine-studio-page-tags',
    apply: 'build',
    transformIndexHtml: (html) =>
      writePageTags(html, { config: { acedataBaseUrl, relay: null }, csp }),
  };
}

/**
 * Vite's own proxy gives `npm run dev` (and `vite preview`) the same-origin pass-through to
 * AceData (`/acedata/*`), to `ACEDATA_PROXY_TARGET` if set, else `ACEDATA_BASE_URL`.
 */
const acedataProxy = {
  '/acedata': {
    target: passThroughTarget,
    changeOrigin: true,
    rewrite: (path: string) => path.replace(/^\/acedata/, ''),
  },
};

/** Each kind's words (`src/kinds/<name>/<name>-words.ts`, and the shared ones). */
function kindWordsFiles(): string[] {
  const kinds = fileURLToPath(new URL('./src/kinds/', import.meta.url));
  return readdirSync(kinds, { recursive: true, encoding: 'utf8' })
    .filter((file) => /-words\.ts$/.test(file) && !file.includes('fixtures'))
    .map((file) => `src/kinds/${file.replaceAll('\\', '/')}`);
}

export default defineConfig({
  plugins: [
    // Each language's catalog in two parts: what the first render shows, and the rest.
    catalogSplitPlugin({
      root: fileURLToPath(new URL('./', import.meta.url)),
      // The words of the studio's messages load with the feed's cards (`i18n/say.ts`): their
      // messages go in the first part too, so no card waits for the rest to word its note.
      roots: ['src/main.tsx', 'src/storage/core-words.ts', ...kindWordsFiles()],
    }),
    // Lingui's macros compile before React's transform; lingui() compiles imported .po catalogs.
    linguiMacroPlugin(),
    lingui(),
    react(),
    studioPageTags(),
    // Every lazily loaded part is fetched, and retried, before it is imported.
    lazyRetryPlugin(),
    precompressPlugin(),
    serviceWorkerPlugin(),
    engineServerPlugin(),
  ],
  server: { port, host: '127.0.0.1', proxy: acedataProxy, allowedHosts },
  preview: { port, host: '127.0.0.1', proxy: acedataProxy, allowedHosts },
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: 'initial', tags: ['$initial'] }] } },
    },
  },
});
