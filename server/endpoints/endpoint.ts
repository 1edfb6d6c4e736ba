/** What the registry lists: one of the provider's endpoints, as the engine answers it. */
import type { EngineContext } from '../engine/context';

/** One endpoint: `POST /midjourney/<name>`, answered by `handle` once the token is checked. */
export interface Endpoint {
  /** The path's last segment, as the client's kind of the same name calls it. */
  readonly name: string;
  /** Answer one request (authentication already checked by the router). */
  handle(ctx: EngineContext, req: Request, url: URL, trace: string): Promise<Response>;
  /**
   * Whether its replies stay unreadable by other origins while the engine takes any token: set
   * for endpoints that would hand any web page every stored task and prompt (tasks).
   */
  readonly ownOriginWithoutToken?: boolean;
}
