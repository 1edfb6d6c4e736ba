import { defineConfig } from 'vitest/config';
import { lingui } from '@lingui/vite-plugin';
import { linguiMacroPlugin } from './server/studio/lingui-macro-plugin';

// Unit tests need neither the React plugin's refresh nor the engine mounted in a dev server:
// engine tests call the handler in-process or over their own loopback server.
export default defineConfig({
  // Components and messages use Lingui's macros, and tests may load a compiled catalog.
  plugins: [linguiMacroPlugin(), lingui()],
  test: {
    setupFiles: ['src/i18n/vitest-setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
