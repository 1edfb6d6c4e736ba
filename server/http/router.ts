/** Which part of the engine answers a request: attachments, admin, or the provider's API. */
import { randomUUID } from 'node:crypto';
import { CDN_CORS, serveAttachment } from '../engine/attachments';
import type { EngineContext } from '../engine/context';
import { admin } from './admin-route';
import { checkAuth } from './auth';
import { PREFLIGHT_HEADERS, errorResponse, withoutCors } from './http-util';
import { imagine } from './imagine-route';
import { tasks } from './tasks-route';
import { edits } from './edits-route';
import { videos } from './videos-route';
import { describe, seed, shorten, translate } from './text-routes';

const ENGINE_PREFIXES = ['/midjourney/', '/attachments/', '/__engine/'];

/** Whether a path belongs to the engine (everything else falls through to the host server). */
export function isEnginePath(pathname: string): boolean {
  return ENGINE_PREFIXES.some((p) => pathname.startsWith(p));
}

/** The provider's endpoints besides imagine and tasks, and who answers each. */
const SIBLING_APIS: Readonly<
  Record<string, (ctx: EngineContext, req: Request, url: URL, trace: string) => Promise<Response>>
> = {
  describe: (ctx, req, _url, trace) => describe(ctx, req, trace),
  edits,
  videos,
  seed: (ctx, req, _url, trace) => seed(ctx, req, trace),
  translate: (ctx, req, _url, trace) => translate(ctx, req, trace),
  shorten: (ctx, req, _url, trace) => shorten(ctx, req, trace),
};

/** Route one request. May throw; the engine's `handle` turns that into a 500. */
export async function route(ctx: EngineContext, req: Request): Promise<Response> {
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
  if (method === 'POST' && (api === 'imagine' || api === 'tasks')) {
    const denied = checkAuth(req, ctx.requiredToken, trace);
    if (denied) return denied;
    if (api === 'imagine') return imagine(ctx, req, url, trace);
    // Without a required token any token passes, so any web page could list every task and
    // prompt: the tasks are then readable by the engine's own origin only.
    const reply = await tasks(ctx, req, trace);
    return ctx.requiredToken === undefined ? withoutCors(reply) : reply;
  }
  const sibling = api === undefined ? undefined : SIBLING_APIS[api];
  if (method === 'POST' && sibling && Object.hasOwn(SIBLING_APIS, api!)) {
    const denied = checkAuth(req, ctx.requiredToken, trace);
    return denied ?? sibling(ctx, req, url, trace);
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
