/** What the machine is told for each event, read afresh from the runner's deps and Settings. */
import type { JobKind } from '../kind';
import {
  SERVICE_TIMEOUT_MS,
  idleRun,
  type MachineCtx,
  type Run,
  type Tuning,
} from '../machine/types';
import type { RunnerConfig, RunnerDeps } from './ports';

/** The machine's timings for one event: the deps' defaults, with Settings' stall time first. */
export function tuningFor(deps: RunnerDeps, config: RunnerConfig): Tuning {
  const pollIntervalMs = deps.pollIntervalMs ?? 1000;
  return {
    stallAfterMs: config.stallAfterMs ?? deps.stallAfterMs ?? 60_000,
    serviceTimeoutMs: deps.serviceTimeoutMs ?? SERVICE_TIMEOUT_MS,
    pollIntervalMs,
    stalledPollMs: Math.max(pollIntervalMs, deps.stalledPollIntervalMs ?? 10_000),
    maxBackoffMs: Math.max(pollIntervalMs, deps.maxBackoffMs ?? 10_000),
  };
}

/**
 * What the machine is told for one event: the time, the job's kind and execution, and Settings
 * read afresh (so a change applies to jobs already running).
 */
export function machineCtx(
  deps: RunnerDeps,
  kind: JobKind,
  run: Run | undefined,
  now: number,
): MachineCtx {
  const config = deps.getConfig();
  const tuning = tuningFor(deps, config);
  return {
    now,
    kind,
    run: run ?? idleRun(tuning),
    tuning,
    settings: {
      delivery: config.delivery,
      mode: config.mode,
      ...(config.callbackUrl ? { callbackUrl: config.callbackUrl } : {}),
    },
    target: { name: config.target ?? 'default', baseUrl: config.client.baseUrl },
    online: deps.network?.online() ?? true,
  };
}
