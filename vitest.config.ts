import { defineConfig } from 'vitest/config';

// Unit tests need neither the React plugin's refresh nor the engine mounted in a dev server:
// engine tests call the handler in-process or over their own loopback server.
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
