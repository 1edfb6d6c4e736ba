/**
 * The ports of an e2e run. Each Playwright worker has its own block of ten from `E2E_PORT`
 * (default 4317): worker 0 takes E2E_PORT…+9, worker 1 the next ten. In its block, +0 is the
 * studio (production server, engine mounted), +1 the engine standing in for AceData behind the
 * pass-through, +2…+9 the servers specs start for themselves. So workers share no server, no
 * engine state and no port, and specs may change their engine (pace, faults, token, restart).
 */
export const E2E_BASE_PORT = Number(process.env.E2E_PORT ?? 4317);

/** Ports in one worker's block. */
export const PORTS_PER_WORKER = 10;

/** How many workers run the specs (`E2E_WORKERS`, default 2: one per core of a 2-core machine). */
export const E2E_WORKERS = Math.max(1, Number(process.env.E2E_WORKERS ?? 2));

/**
 * Port `offset` of a worker's block: by default of the worker this process is (Playwright sets
 * TEST_PARALLEL_INDEX, 0 … workers − 1, kept when a worker is replaced after a failure).
 */
export function e2ePort(
  offset: number,
  worker = Number(process.env.TEST_PARALLEL_INDEX ?? 0),
): number {
  if (offset < 0 || offset >= PORTS_PER_WORKER)
    throw new Error(`port offset ${offset} is outside a worker's block`);
  if (worker >= E2E_WORKERS) {
    throw new Error(
      `worker ${worker} has no servers: the config starts them for E2E_WORKERS=${E2E_WORKERS}; set E2E_WORKERS instead of --workers`,
    );
  }
  return E2E_BASE_PORT + PORTS_PER_WORKER * worker + offset;
}
