import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import pluginQuery from '@tanstack/eslint-plugin-query';
import globals from 'globals';

/** Import boundaries: api, prompt → jobs → features → app; features never import each other. */
const FEATURES = ['composer', 'feed', 'mask-editor', 'history', 'settings'];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'playwright-report',
      'test-results',
      'screenshots',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginQuery.configs['flat/recommended'],
  {
    files: ['**/*.{ts,tsx,js}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports (CONVENTIONS.md).' },
      ],
    },
  },
  { files: ['vite.config.ts', 'vitest.config.ts', 'playwright.config.ts', 'eslint.config.js'], rules: { 'no-restricted-syntax': 'off' } },
  {
    files: ['src/api/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/prompt/**', '**/jobs/**', '**/features/**', '**/app/**', 'react', 'react-dom'], message: 'src/api depends on nothing above it.' }] },
      ],
    },
  },
  {
    files: ['src/prompt/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/jobs/**', '**/features/**', '**/app/**'], message: 'prompt/ sits below jobs and features.' }] },
      ],
    },
  },
  {
    files: ['src/jobs/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/features/**', '**/app/**', '**/components/**'], message: 'jobs/ has no components and sits below features.' }] },
      ],
    },
  },
  {
    // Konva is heavy: it may only be imported by the mask editor's components, which load lazily.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/features/mask-editor/components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'konva', message: 'Konva loads lazily with the mask editor only.' }, { name: 'react-konva', message: 'Konva loads lazily with the mask editor only.' }] },
      ],
    },
  },
  ...FEATURES.map((feature) => ({
    files: [`src/features/${feature}/**`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...FEATURES.filter((f) => f !== feature).map((f) => `**/features/${f}/**`), `**/${'app'}/**`],
              message: 'A feature never imports another feature or app/; app/ composes them.',
            },
          ],
        },
      ],
    },
  })),
  {
    files: ['server/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/src/prompt/**', '**/src/jobs/**', '**/src/features/**', '**/src/app/**', '**/src/components/**'], message: 'server/ imports nothing from src/ but src/api.' }] },
      ],
    },
  },
);
