import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './test-support/chromium';
import { PROXY_TOKEN } from './e2e/proxy-token';

const port = Number(process.env.E2E_PORT ?? 4317);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    trace: 'off',
  },
  webServer: [
    {
      // The built studio on its production server with the local engine mounted, at a fast pace
      // for tests; its AceData pass-through is pointed at a second engine standing in for the
      // real service.
      command: `npx tsx server/studio/cli.ts`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      env: {
        ENGINE_PACE_MS: '60',
        // Attachments come from their own origin, with no CORS: the studio keeps its own copies.
        ENGINE_CDN_CORS: 'off',
        PORT: String(port),
        ACEDATA_PROXY_TARGET: `http://127.0.0.1:${port + 1}`,
      },
      timeout: 60_000,
    },
    {
      command: `npx tsx server/cli.ts --port ${port + 1} --pace 40 --token ${PROXY_TOKEN}`,
      url: `http://127.0.0.1:${port + 1}/__engine/state`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
