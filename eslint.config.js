import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import pluginQuery from '@tanstack/eslint-plugin-query';
import globals from 'globals';

/** Import boundaries: api, prompt → jobs → features → app; features never import each other. */
const FEATURES = ['composer', 'feed', 'mask-editor', 'history', 'settings', 'shortcuts'];

/** Konva is heavy: only the mask editor's lazily loaded components may import it. */
const KONVA = [
  { name: 'konva', message: 'Konva loads lazily with the mask editor only.' },
  { name: 'react-konva', message: 'Konva loads lazily with the mask editor only.' },
];

/**
 * One `no-restricted-imports` rule per area (ESLint keeps only the last one that matches a file,
 * so each area's rule carries the Konva restriction too).
 */
function boundary(files, group, message, { konva = true, ignores } = {}) {
  return {
    files,
    ...(ignores ? { ignores } : {}),
    rules: {
      'no-restricted-imports': [
        'error',
        { ...(konva ? { paths: KONVA } : {}), patterns: group.length ? [{ group, message }] : [] },
      ],
    },
  };
}

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
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports (CONVENTIONS.md).' },
      ],
    },
  },
  {
    files: ['vite.config.ts', 'vitest.config.ts', 'playwright.config.ts', 'eslint.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Playwright fixtures call their own `use()`, which is not a React hook.
    files: ['e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  boundary(['src/**/*.{ts,tsx}'], [], ''),
  boundary(
    ['src/api/**'],
    ['**/prompt/**', '**/jobs/**', '**/features/**', '**/app/**', 'react', 'react-dom'],
    'src/api depends on nothing above it.',
  ),
  boundary(
    ['src/prompt/**'],
    ['**/jobs/**', '**/features/**', '**/app/**'],
    'prompt/ sits below jobs and features.',
  ),
  boundary(
    ['src/jobs/**'],
    ['**/features/**', '**/app/**', '**/components/**'],
    'jobs/ has no components and sits below features.',
  ),
  ...FEATURES.map((feature) =>
    boundary(
      [`src/features/${feature}/**`],
      [...FEATURES.filter((f) => f !== feature).map((f) => `**/${f}/**`), '**/app/**'],
      'A feature never imports another feature or app/; app/ composes them.',
      feature === 'mask-editor' ? { ignores: ['src/features/mask-editor/components/**'] } : {},
    ),
  ),
  boundary(
    ['src/features/mask-editor/components/**'],
    [...FEATURES.filter((f) => f !== 'mask-editor').map((f) => `**/${f}/**`), '**/app/**'],
    'A feature never imports another feature or app/; app/ composes them.',
    { konva: false },
  ),
  boundary(
    ['server/**'],
    [
      '**/src/prompt/**',
      '**/src/jobs/**',
      '**/src/features/**',
      '**/src/app/**',
      '**/src/components/**',
    ],
    'server/ imports nothing from src/ but src/api.',
  ),
);
