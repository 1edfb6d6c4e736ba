/**
 * The servers the browser bench and the screenshots script drive: a production build, the
 * studio's production server on it (a child process, as `npm start` runs it) and Vite's dev server (in this
 * process, so that the bench's harness pages can be listed for dependency pre-bundling without
 * touching vite.config.ts). Shared here so that e2e/ and bench/ never import each other.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer as createNetServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createServer as createViteServer } from 'vite';

/** The project root (test-support/ → ..). */
export const ROOT = fileURLToPath(new URL('../', import.meta.url));

const VITE_BIN = `${ROOT}node_modules/vite/bin/vite.js`;
const TSX_BIN = `${ROOT}node_modules/tsx/dist/cli.mjs`;

/** A server the bench started; `stop` ends it (idempotent). */
export interface BenchServer {
  url: string;
  stop(): Promise<void>;
}

/** Prints one progress line of the browser bench. */
export function progress(message: string): void {
  process.stdout.write(`  · ${message}\n`);
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/** `vite build` into dist/; throws with Vite's output when the build fails. */
export function buildApp(): void {
  const result = spawnSync(process.execPath, [VITE_BIN, 'build'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.status !== 0) {
    throw new Error(
      `vite build failed (exit ${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`,
    );
  }
}

async function waitForHttp(
  url: string,
  child: ChildProcess,
  timeoutMs: number,
  ready: (res: Response) => boolean = (res) => res.ok,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited early (${child.exitCode})`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (ready(res)) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * The built studio (dist/) on its production server, as `npm start` runs it, on a free port, with
 * the local engine at `paceMs` per step, or at the engine's own default pace when not given.
 */
export async function startPreview(paceMs?: number): Promise<BenchServer> {
  const port = await freePort();
  // Without a pace, the engine's own default: the variable is left out, not inherited.
  const pace = paceMs === undefined ? undefined : String(paceMs);
  return startTsxServer(
    'server/studio/cli.ts',
    [],
    { ENGINE_PACE_MS: pace, PORT: String(port) },
    `http://127.0.0.1:${port}/`,
    (res) => res.ok,
  );
}

/** Vite's dev server on a free port, serving src/ and bench/harness/ as source modules. */
export async function startDev(): Promise<BenchServer> {
  const port = await freePort();
  const server = await createViteServer({
    root: ROOT,
    configFile: `${ROOT}vite.config.ts`,
    logLevel: 'error',
    clearScreen: false,
    server: { port, strictPort: true, host: '127.0.0.1', hmr: false },
    // Pre-bundle what the harness pages import too, so Vite never reloads a page mid-measurement
    // after discovering a dependency late.
    optimizeDeps: { entries: ['index.html', 'bench/harness/*.html'] },
  });
  await server.listen();
  const url = `http://127.0.0.1:${port}`;
  let stopped = false;
  return {
    url,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.close();
    },
  };
}

/**
 * A Node server started with tsx (`script` relative to the root, with `args` and extra `env`; a
 * variable set to `undefined` is left out), ready once `readyUrl` answers as `ready` wants (by
 * default at all: an API with a token answers 401 to a bare request). The pid held is the
 * server's (tsx's CLI itself, not through npx), so stopping it is exact.
 */
export async function startTsxServer(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  readyUrl: string,
  ready: (res: Response) => boolean = (res) => res.status < 500,
): Promise<BenchServer> {
  const child = spawn(process.execPath, [TSX_BIN, script, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  try {
    await waitForHttp(readyUrl, child, 30_000, ready);
  } catch (err) {
    await stopChild(child);
    throw new Error(`${script} did not start: ${(err as Error).message}\n${output}`, {
      cause: err,
    });
  }
  return { url: new URL(readyUrl).origin, stop: () => stopChild(child) };
}
