import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import pluginQuery from '@tanstack/eslint-plugin-query';
import globals from 'globals';
import pluginLingui from 'eslint-plugin-lingui';

/**
 * Every string a person reads in a component goes through Lingui (src/locales/README.md). Not
 * flagged: one-word identifiers in lower case or capitals (CSS values, keys, codes), the product
 * and language names, Midjourney's model names, and attributes that are never read out.
 */
const UNLOCALIZED = {
  files: [
    'src/app/**/*.tsx',
    'src/components/**/*.tsx',
    'src/features/**/*.tsx',
    'src/kinds/**/*.tsx',
  ],
  ignores: ['**/*.test.tsx'],
  plugins: { lingui: pluginLingui },
  rules: {
    'lingui/no-unlocalized-strings': [
      'error',
      {
        ignore: [
          '^(?![A-Z])\\S+$',
          '^[A-Z0-9_-]+$',
          '^(Imagine Studio|Python|JavaScript|English|简体中文)$',
          '^niji \\d',
        ],
        ignoreNames: [
          { regex: { pattern: 'className', flags: 'i' } },
          ...['type', 'key', 'id', 'htmlFor', 'role', 'name', 'rel', 'lang', 'autoComplete'],
          ...['rootMargin', 'stroke', 'fill', 'referrerPolicy', 'inputMode', 'accept'],
        ],
        ignoreFunctions: ['console.*', 'Error', 'document.querySelector', 'new URL'],
      },
    ],
    'lingui/t-call-in-function': 'error',
  },
};

/** What server/ may not import from src/ (only src/api and the kinds' contracts). */
const SERVER_SRC = [
  '**/src/prompt/**',
  '**/src/jobs/**',
  '**/src/features/**',
  '**/src/app/**',
  '**/src/components/**',
  // Gitignore-style: a folder that matches cannot have a file re-included, so match files.
  '**/src/kinds/*/*',
  '!**/src/kinds/*/*-contract',
  '**/src/kinds/registry',
];

/** The layers above the engine's core: the HTTP kit, the endpoints, the hosts, the studio and its library. */
const SERVER_HTTP = ['http', 'endpoints', 'host', 'studio', 'library'];

/** The endpoint folders (`server/endpoints/<name>/`): none imports another. */
const ENDPOINT_FOLDERS = readdirSync(new URL('./server/endpoints/', import.meta.url), {
  withFileTypes: true,
})
  .filter((entry) => entry.isDirectory() && entry.name !== 'fixtures')
  .map((entry) => entry.name);

/** Tests and their fixtures may reach any layer (an endpoint test over a real socket). */
const TESTS = ['server/**/*.test.ts', 'server/**/fixtures/**'];

/**
 * Import boundaries: api, prompt → settings, jobs → storage → kinds → features → app; features
 * never import each other. Tests and fixtures may reach up (SRC_TESTS): a runner is tested over
 * real persistence and the studio's real kinds, as a tab runs it.
 */
const FEATURES = ['composer', 'feed', 'mask-editor', 'history', 'settings', 'shortcuts'];

/** The kind folders (`src/kinds/<name>/`): none imports another; all may use `kinds/shared/`. */
const KIND_FOLDERS = readdirSync(new URL('./src/kinds/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !['shared', 'fixtures'].includes(entry.name))
  .map((entry) => entry.name);

/** Tests and fixtures of src/ may reach up (a jobs test runs the studio's real kinds). */
const SRC_TESTS = ['src/**/*.test.{ts,tsx}', 'src/**/fixtures/**'];

/**
 * How a file `depth` folders inside its feature names the other features (`../feed/…` from a
 * feature's top, `../../feed/…` from a sub-folder): by its relative path, since a feature named
 * like a layer (`features/settings` beside `src/settings`) must not block that layer.
 */
function otherFeatures(feature, depth) {
  const up = '../'.repeat(depth + 1);
  return FEATURES.filter((f) => f !== feature).flatMap((f) => [
    `${up}${f}`,
    `${up}${f}/**`,
    `**/features/${f}/**`,
  ]);
}

/**
 * Konva is heavy: only the mask editor's lazily loaded components may import it. Classic zod is
 * too: one import of it puts all of zod (~17 KB gzipped) in the initial JS, so schemas use
 * zod/mini everywhere.
 */
const KONVA = [
  { name: 'konva', message: 'Konva loads lazily with the mask editor only.' },
  { name: 'react-konva', message: 'Konva loads lazily with the mask editor only.' },
  { name: 'zod', message: 'Use zod/mini: classic zod adds ~17 KB gzipped to the initial JS.' },
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
    // Split by concern, not squeezed under a file limit: no function (a closure that holds a
    // whole service included) over 120 lines. Tests aside: a `describe` block is a list.
    files: ['**/*.{ts,tsx,js}'],
    ignores: ['**/*.test.{ts,tsx}', 'e2e/**/*.spec.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 120 }] },
  },
  {
    files: [
      'vite.config.ts',
      'vitest.config.ts',
      'playwright.config.ts',
      'eslint.config.js',
      'lingui.config.ts',
      'drizzle.config.ts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Playwright fixtures call their own `use()`, which is not a React hook.
    files: ['e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    // Each e2e worker has its own block of ports (e2e/ports.ts); a spec reading E2E_PORT itself
    // would start its servers on the other worker's ports.
    files: ['e2e/**/*.ts'],
    ignores: ['e2e/ports.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports (CONVENTIONS.md).' },
        {
          selector: "MemberExpression[property.name='E2E_PORT']",
          message: 'Take ports from e2ePort() (e2e/ports.ts): each worker has its own.',
        },
      ],
    },
  },
  UNLOCALIZED,
  boundary(['src/**/*.{ts,tsx}'], [], ''),
  boundary(
    ['src/components/**'],
    ['**/features/**', '**/app/**', '**/jobs/**', '**/kinds/**'],
    'components/ holds small dumb pieces: they import nothing from features, app or jobs.',
  ),
  boundary(
    ['src/api/**'],
    [
      ...['**/prompt/**', '**/jobs/**', '**/kinds/**', '**/features/**', '**/app/**'],
      ...['react', 'react-dom'],
    ],
    'src/api depends on nothing above it.',
  ),
  boundary(
    ['src/prompt/**'],
    ['**/jobs/**', '**/kinds/**', '**/features/**', '**/app/**'],
    'prompt/ sits below jobs and features.',
  ),
  boundary(
    ['src/settings/**'],
    [
      '**/jobs/**',
      '**/storage/**',
      '**/kinds/**',
      '**/features/**',
      '**/app/**',
      '**/components/**',
    ],
    'settings/ (where requests go, whether they can) sits beside jobs/, below storage and features.',
  ),
  boundary(
    ['src/jobs/**'],
    ['**/storage/**', '**/kinds/**', '**/features/**', '**/app/**', '**/components/**'],
    'jobs/ has no components, names no kind (the registry is handed to it) and sits below storage and kinds: it reaches storage only through its ports (runner/ports.ts).',
    { ignores: SRC_TESTS },
  ),
  boundary(
    ['src/storage/**'],
    ['**/kinds/**', '**/features/**', '**/app/**', '**/components/**'],
    'storage/ (history, tab sync, image cache, history file) sits below kinds, features and app/.',
    { ignores: SRC_TESTS },
  ),
  boundary(
    ['src/kinds/**'],
    ['**/features/**', '**/app/**'],
    'kinds/ sits below features and app/: the feed draws a kind through its entry.',
    { ignores: SRC_TESTS },
  ),
  boundary(
    ['src/kinds/shared/**'],
    [
      ...KIND_FOLDERS.map((k) => `**/kinds/${k}/**`),
      '**/kinds/registry',
      '**/features/**',
      '**/app/**',
    ],
    'kinds/shared/ is the kit every kind uses: it names no kind.',
    { ignores: SRC_TESTS },
  ),
  ...KIND_FOLDERS.map((name) =>
    boundary(
      [`src/kinds/${name}/**`],
      [
        ...KIND_FOLDERS.filter((other) => other !== name).map((other) => `**/kinds/${other}/**`),
        '**/kinds/registry',
        '**/features/**',
        '**/app/**',
      ],
      'A kind folder imports no other kind folder (shared pieces live in kinds/shared/).',
      { ignores: SRC_TESTS },
    ),
  ),
  ...FEATURES.flatMap((feature) =>
    [0, 1].map((depth) =>
      boundary(
        [depth === 0 ? `src/features/${feature}/*` : `src/features/${feature}/*/**`],
        [...otherFeatures(feature, depth), '**/app/**'],
        'A feature never imports another feature or app/; app/ composes them.',
        feature === 'mask-editor' ? { ignores: ['src/features/mask-editor/components/**'] } : {},
      ),
    ),
  ),
  {
    // The editor's model is headless: pure functions and a vanilla store, tested in Node.
    files: ['src/features/mask-editor/model/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...KONVA,
            ...['react', 'react-dom', 'zustand', 'zustand/react'].map((name) => ({
              name,
              message: 'The mask model stays free of React (use zustand/vanilla for stores).',
            })),
          ],
          patterns: [
            {
              group: [...otherFeatures('mask-editor', 1), '**/app/**', '**/components/**'],
              message: 'The mask model imports no components, features or app/.',
            },
          ],
        },
      ],
    },
  },
  boundary(
    ['src/features/mask-editor/components/**'],
    [...otherFeatures('mask-editor', 1), '**/app/**'],
    'A feature never imports another feature or app/; app/ composes them.',
    { konva: false },
  ),
  boundary(
    ['e2e/**'],
    ['**/bench/**'],
    'e2e/ and bench/ share helpers through test-support/, never by importing each other.',
    { konva: false },
  ),
  boundary(
    ['bench/**'],
    ['**/e2e/**'],
    'e2e/ and bench/ share helpers through test-support/, never by importing each other.',
    { konva: false },
  ),
  boundary(
    ['server/**'],
    SERVER_SRC,
    'server/ imports nothing from src/ but src/api and src/kinds/<name>/<name>-contract.',
  ),
  boundary(
    ['server/shared/**'],
    [...SERVER_SRC, ...['engine', ...SERVER_HTTP].map((d) => `**/${d}/**`)],
    'server/shared/ sits below everything else in server/.',
    { ignores: TESTS },
  ),
  boundary(
    ['server/engine/**'],
    [...SERVER_SRC, ...SERVER_HTTP.map((d) => `**/${d}/**`)],
    "The engine's core builds no Response: it imports nothing from http/, endpoints/, host/ or studio/.",
    { ignores: TESTS },
  ),
  boundary(
    ['server/library/**'],
    [...SERVER_SRC, ...['http', 'endpoints', 'host', 'studio'].map((d) => `**/${d}/**`)],
    "server/library/ is the studio's database: it imports nothing from the engine's HTTP layers or the studio.",
    { ignores: TESTS },
  ),
  boundary(
    ['server/http/**'],
    [...SERVER_SRC, ...['endpoints', 'host', 'studio', 'library'].map((d) => `**/${d}/**`)],
    'server/http/ is the kit endpoints share: it imports nothing from endpoints/, host/ or studio/.',
    { ignores: TESTS },
  ),
  boundary(
    ['server/endpoints/**'],
    [...SERVER_SRC, ...['host', 'studio', 'library'].map((d) => `**/${d}/**`)],
    'server/endpoints/ imports nothing from host/, studio/ or library/.',
    { ignores: TESTS },
  ),
  ...ENDPOINT_FOLDERS.map((name) =>
    boundary(
      [`server/endpoints/${name}/**`],
      [
        ...SERVER_SRC,
        ...['host', 'studio'].map((d) => `**/${d}/**`),
        ...ENDPOINT_FOLDERS.filter((other) => other !== name).map((other) => `**/${other}/**`),
      ],
      'An endpoint folder imports no other endpoint folder (shared pieces live in http/ or engine/).',
      { ignores: TESTS },
    ),
  ),
);
