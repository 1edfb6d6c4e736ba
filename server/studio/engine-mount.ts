/**
 * The one place the studio server touches the local engine: through the engine's own Node mount
 * (its fetch-style handler plus the CDN listener that serves its pictures from an origin of their
 * own), so that the engine's insides can move without this server moving.
 */
import { mountEngine as mountNodeEngine, type MountOptions } from '../host/mount';
import { isEnginePath } from '../endpoints/router';

/** The engine as the studio server mounts it. */
export interface MountedEngine {
  /** Answer one request on an engine path. */
  handle(req: Request): Promise<Response>;
  /** Whether a path is the engine's (everything else is the studio's). */
  owns(pathname: string): boolean;
  /** Origin the engine serves pictures from (its CDN, another origin than the studio's). */
  cdnOrigin?: string;
  /** The studio's port, once it listens: the engine's admin and API are served there. */
  listening(port: number): void;
  /** Stop jobs, timers and the CDN listener. */
  close(): Promise<void>;
}

/** Whether a path is the engine's, mounted or not (with `ENGINE=off` it is a 404, not a page). */
export function isEngineRoute(pathname: string): boolean {
  return isEnginePath(pathname);
}

/** Create the engine for the studio server, with its CDN listening on its own port. */
export async function mountEngine(options: MountOptions): Promise<MountedEngine> {
  const mounted = await mountNodeEngine(options);
  return {
    handle: (req) => mounted.engine.handle(req),
    owns: isEngineRoute,
    cdnOrigin: mounted.cdnOrigin,
    listening: (port) => mounted.engine.listening('api', port),
    close: () => mounted.close(),
  };
}
