import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { lingui } from '@lingui/vite-plugin';
import { linguiMacroPlugin } from './build/lingui-macro-plugin';

// Unit tests need neither the React plugin's refresh nor the engine mounted in a dev server:
// engine tests call the handler in-process or over their own loopback server.
export default defineConfig({
  // Components and messages use Lingui's macros, and tests may load a compiled catalog.
  plugins: [linguiMacroPlugin(), lingui()],
  test: {
    setupFiles: ['test-support/vitest-setup.ts', 'src/i18n/vitest-setup.ts'],
    // Vitest's default is one worker fewer than the cores: on 2 cores a single worker, which
    // leaves a core idle while ffmpeg, sharp and jsdom files wait their turn. At least two.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    include: [
      'src/**/*.test.{ts,tsx}',
      'server/**/*.test.ts',
      'build/**/*.test.ts',
      'scripts/**/*.test.ts',
      'test-support/**/*.test.ts',
    ],
    environment: 'node',
    // Guards against a hung test, not speed targets: two workers share 2 cores, often with
    // other work, and an engine test that takes 4 s alone took over 20 s so.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
