/**
 * Lingui's macros (`@lingui/core/macro`, `@lingui/react/macro`) are compiled by a Babel plugin.
 * Vite 8 and @vitejs/plugin-react 6 run no Babel, and @rolldown/plugin-babel requires Node 22,
 * so this small plugin runs Babel with the macro plugin only, on the files that import a macro,
 * before React's own transform. Production builds strip the English source text from the code:
 * messages are looked up by id in the lazily loaded catalog of the active locale.
 */
import { transformAsync } from '@babel/core';
import type { Plugin } from 'vite';

const MACRO_IMPORT = /from\s*['"]@lingui\/(?:core|react)\/macro['"]/;

/** The Vite plugin compiling Lingui macros (used by the build and by Vitest). */
export function linguiMacroPlugin(): Plugin {
  let production = false;
  return {
    name: 'imagine-studio-lingui-macros',
    enforce: 'pre',
    configResolved(config) {
      production = config.isProduction;
    },
    transform: {
      filter: { id: { include: /\.[cm]?[jt]sx?$/, exclude: /node_modules/ }, code: MACRO_IMPORT },
      async handler(code, id) {
        const result = await transformAsync(code, {
          filename: id,
          babelrc: false,
          configFile: false,
          sourceMaps: true,
          parserOpts: { plugins: ['typescript', 'jsx'] },
          plugins: [['@lingui/babel-plugin-lingui-macro', { stripMessageField: production }]],
        });
        if (!result?.code) return null;
        return { code: result.code, map: result.map };
      },
    },
  };
}
