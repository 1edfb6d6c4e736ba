/**
 * Builds the picture service worker (`src/sw/sw.ts`) as its own classic script at the site root,
 * `dist/sw.js`, unhashed (its URL is its identity, and a worker's scope is its directory). Built
 * in a second, self-contained pass so it shares no chunk with the app: the app's initial JS is
 * unchanged and the worker imports nothing at run time.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';
import { linguiMacroPlugin } from './lingui-macro-plugin';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The Vite plugin: after the app's build, builds `sw.js` into the same outDir. */
export function serviceWorkerPlugin(): Plugin {
  let outDir = 'dist';
  return {
    name: 'imagine-studio-sw',
    apply: 'build',
    configResolved(config) {
      // Absolute, as Vite resolves it against the app's root: this pass has its own root (the
      // project's), where a relative out dir would name another folder.
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await build({
        configFile: false,
        root: ROOT,
        logLevel: 'warn',
        publicDir: false,
        // Modules the worker shares with the app may word messages with Lingui's macros: compiled
        // here too, or the macro package (and Babel behind it) would be bundled into the worker.
        plugins: [linguiMacroPlugin()],
        build: {
          outDir,
          emptyOutDir: false,
          target: 'es2022',
          copyPublicDir: false,
          lib: {
            entry: `${ROOT}src/sw/sw.ts`,
            formats: ['iife'],
            name: 'imagineStudioSw',
            fileName: () => 'sw.js',
          },
        },
        define: { 'process.env.NODE_ENV': '"production"' },
      });
    },
  };
}
