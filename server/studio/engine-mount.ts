/**
 * The one place the studio server touches the local engine: through its public fetch-style
 * handler and path test only, so that the engine's insides can move without this server moving.
 */
import { createEngine, isEnginePath, type EngineOptions } from '../engine';

/** The engine as the studio server mounts it. */
export interface MountedEngine {
  /** Answer one request on an engine path. */
  handle(req: Request): Promise<Response>;
  /** Whether a path is the engine's (everything else is the studio's). */
  owns(pathname: string): boolean;
  /** Origin the engine serves pictures from when that is not the studio's own (its CDN). */
  cdnOrigin?: string;
  /** Stop jobs, timers and any listener the engine opened. */
  close(): Promise<void>;
}

/** Whether a path is the engine's, mounted or not (with `ENGINE=off` it is a 404, not a page). */
export function isEngineRoute(pathname: string): boolean {
  return isEnginePath(pathname);
}

/** Create the engine for the studio server. */
export async function mountEngine(options: EngineOptions): Promise<MountedEngine> {
  const engine = createEngine(options);
  return {
    handle: (req) => engine.handle(req),
    owns: isEngineRoute,
    close: async () => engine.close(),
  };
}
