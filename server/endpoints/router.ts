/**
 * Which part of the engine answers a request: attachments, admin, or one of the provider's
 * endpoints (the registry's, mounted at `POST /midjourney/<name>` behind the token check).
 */
import { randomUUID } from 'node:crypto';
import { CDN_CORS, serveAttachment } from './attachments/serve-attachment';
import type { EngineContext } from '../engine/context';
import { admin } from './admin/admin-route';
import { checkAuth } from '../http/auth';
import { PREFLIGHT_HEADERS, errorResponse, withoutCors } from '../http/responses';
import type { Endpoint } from './endpoint';

const ENGINE_PREFIXES = ['/midjourney/', '/attachments/', '/__engine/'];

/** Whether a path belongs to the engine (everything else falls through to the host server). */
export function isEnginePath(pathname: string): boolean {
  return ENGINE_PREFIXES.some((p) => pathname.startsWith(p));
}

/** The endpoints a router mounts, by name; refuses two entries of one name. */
export function endpointMap(endpoints: readonly Endpoint[]): ReadonlyMap<string, Endpoint> {
  const byName = new Map<string, Endpoint>();
  for (const endpoint of endpoints) {
    if (byName.has(endpoint.name)) throw new Error(`two endpoints are named ${endpoint.name}`);
    byName.set(endpoint.name, endpoint);
  }
  return byName;
}

/** Route one request. May throw; the engine's `handle` turns that into a 500. */
export async function route(
  ctx: EngineContext,
  req: Request,
  endpoints: ReadonlyMap<string, Endpoint>,
): Promise<Response> {
  const url = new URL(req.url);
  const path = url.pathname;
  const method = req.method.toUpperCase();
  const trace = req.headers.get('x-trace-id') || randomUUID();
  // Admin is never driven cross-origin: its preflight grants nothing, its replies allow no origin.
  if (path.startsWith('/__engine/')) {
    if (method === 'OPTIONS')
      return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
    return withoutCors(await admin(ctx, req, path, method, trace));
  }
  if (method === 'OPTIONS' && isEnginePath(path))
    return new Response(null, { status: 204, headers: PREFLIGHT_HEADERS });
  if (path.startsWith('/attachments/')) {
    if (method === 'GET' || method === 'HEAD')
      return serveAttachment(ctx, url, method, req.headers.get('range'));
    return errorResponse('no_api', `The API ${method} ${path} is not found.`, trace, 404);
  }
  const api = /^\/midjourney\/([a-z_]+)\/?$/.exec(path)?.[1];
  const endpoint = api === undefined ? undefined : endpoints.get(api);
  if (method === 'POST' && endpoint) {
    const denied = checkAuth(req, ctx.requiredToken, trace);
    if (denied) return denied;
    const reply = await endpoint.handle(ctx, req, url, trace);
    return endpoint.ownOriginWithoutToken && ctx.requiredToken === undefined
      ? withoutCors(reply)
      : reply;
  }
  return errorResponse('no_api', `The API ${method} ${path} is not found.`, trace, 404);
}

/** The CDN origin: attachments by GET or HEAD (and a preflight when its CORS is on), nothing else. */
export async function routeCdn(ctx: EngineContext, req: Request): Promise<Response> {
  const url = new URL(req.url);
  const method = req.method.toUpperCase();
  const trace = randomUUID();
  if (url.pathname.startsWith('/attachments/')) {
    if (method === 'GET' || method === 'HEAD')
      return serveAttachment(ctx, url, method, req.headers.get('range'));
    if (method === 'OPTIONS')
      return new Response(null, { status: 204, headers: ctx.options.cdnCors ? CDN_CORS : {} });
  }
  return withoutCors(
    errorResponse('not_found', `Nothing at ${method} ${url.pathname}`, trace, 404),
  );
}
