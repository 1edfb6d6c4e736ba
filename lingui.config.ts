import { defineConfig } from '@lingui/conf';
import { formatter } from '@lingui/format-po';

/**
 * Two catalogs per locale, so the studio's two halves are translated in files of their own:
 * `core` (the page, composer, settings, prompts, API errors) and `work` (feed, history, editors,
 * jobs, storage, the settings store, and each kind's own words under `src/kinds`). At run time a
 * build loads them split otherwise: what the first render shows, then the rest
 * (scripts/catalog-split-plugin.ts, src/i18n/activate.ts).
 */
export const linguiConfig = defineConfig({
  sourceLocale: 'en',
  locales: ['en', 'zh-CN'],
  // Origins without line numbers: moving code does not rewrite the catalogs.
  format: formatter({ lineNumbers: false }),
  catalogs: [
    {
      path: '<rootDir>/src/locales/{locale}/core',
      include: [
        '<rootDir>/src/app',
        '<rootDir>/src/components',
        '<rootDir>/src/features/composer',
        '<rootDir>/src/features/settings',
        '<rootDir>/src/features/shortcuts',
        '<rootDir>/src/prompt',
        '<rootDir>/src/api',
        '<rootDir>/src/i18n',
        '<rootDir>/src/main.tsx',
      ],
      exclude: ['**/*.test.*', '**/fixtures/**'],
    },
    {
      path: '<rootDir>/src/locales/{locale}/work',
      include: [
        '<rootDir>/src/features/feed',
        '<rootDir>/src/features/history',
        '<rootDir>/src/features/mask-editor',
        '<rootDir>/src/features/animate',
        '<rootDir>/src/jobs',
        '<rootDir>/src/storage',
        '<rootDir>/src/settings',
        '<rootDir>/src/kinds',
      ],
      exclude: ['**/*.test.*', '**/fixtures/**'],
    },
  ],
});

// The Lingui CLI and Vite plugin read the config's default export.
export default linguiConfig;
