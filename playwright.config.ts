import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './test-support/chromium';
import { E2E_WORKERS, e2ePort } from './e2e/ports';
import { PROXY_TOKEN } from './e2e/proxy-token';

/**
 * One worker's servers, on its own ports (e2e/ports.ts): the built studio on its production
 * server with the local engine mounted, at a fast pace for tests, its attachments from their own
 * origin with no CORS (the studio keeps its own copies); its AceData pass-through pointed at a
 * second engine standing in for the real service. Started once for the run, not per worker
 * process, so a worker replaced after a failure finds its servers where they were.
 */
function serversOf(worker: number) {
  const [studio, acedata] = [e2ePort(0, worker), e2ePort(1, worker)];
  return [
    {
      command: `npx tsx server/studio/cli.ts`,
      url: `http://127.0.0.1:${studio}/`,
      reuseExistingServer: false,
      env: {
        ENGINE_PACE_MS: '60',
        ENGINE_CDN_CORS: 'off',
        PORT: String(studio),
        ACEDATA_PROXY_TARGET: `http://127.0.0.1:${acedata}`,
      },
      timeout: 60_000,
    },
    {
      command: `npx tsx server/cli.ts --port ${acedata} --pace 40 --token ${PROXY_TOKEN}`,
      url: `http://127.0.0.1:${acedata}/__engine/state`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ];
}

/**
 * Spec files are spread over `E2E_WORKERS` workers (2 by default), each with its own servers,
 * so no engine state is shared between them (specs change pace, faults, the token, restart the
 * engine). A file's tests run in order in one worker; e2e/fixtures.ts points each at its studio.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  fullyParallel: false,
  workers: E2E_WORKERS,
  retries: 0,
  // A guard against a hung journey, not a speed target: the longest took 40 s alone on a busy
  // 2-core machine, and with two workers each has half of it.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    trace: 'off',
  },
  webServer: Array.from({ length: E2E_WORKERS }, (_, worker) => serversOf(worker)).flat(),
});
