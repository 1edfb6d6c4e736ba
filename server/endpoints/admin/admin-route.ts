/**
 * `/__engine/*`: the engine's own controls for tests and demos (state, pace, faults, token,
 * restart, reset). Not part of the provider's API.
 */
import { ENGINE_ADMIN_HEADER } from '../../../src/api/engine-admin';
import { DEFAULT_PACE_MS, type EngineContext } from '../../engine/context';
import { parseFaultRule } from '../../engine/faults';
import { engineState, setPace } from '../../engine/state';
import { bearerOf, tokenMatches } from '../../http/auth';
import { errorResponse, json } from '../../http/responses';
import { isJsonContent, readJsonObject } from '../../http/body';
import { isImageContent, upload } from './uploads-route';

function forgetPictures(ctx: EngineContext, keep: (taskId: string) => boolean): void {
  ctx.store.clear(keep);
  ctx.renderCache.clear();
  ctx.previewCache.clear();
}

/**
 * Why an admin request is refused (null: it may pass). Admin changes what every client of the
 * engine sees, so:
 * - no request from a web page of another origin (browsers always send `Origin` on those); the
 *   origin is compared with the engine's own names and ports, never with the request's `Host`;
 * - the admin header, which nothing the engine sends itself carries: a callback it posts (to a
 *   URL that redirects here, say) or a picture it fetches is refused, `Origin` or not;
 * - the engine's token whenever one is set;
 * - bodies only as `application/json` (or a picture type, for uploads), which a page cannot send
 *   cross-origin without a preflight that admin never grants.
 */
function guard(
  ctx: EngineContext,
  req: Request,
  path: string,
  method: string,
  trace: string,
): Response | null {
  const origin = req.headers.get('origin');
  if (origin !== null && !ctx.own.isOwnOrigin(origin))
    return errorResponse(
      'forbidden',
      "The engine's admin endpoints take no requests from web pages of other origins.",
      trace,
      403,
    );
  if (!req.headers.get(ENGINE_ADMIN_HEADER)?.trim())
    return errorResponse(
      'forbidden',
      `The engine's admin endpoints need the header \`${ENGINE_ADMIN_HEADER}: 1\`.`,
      trace,
      403,
    );
  if (ctx.requiredToken !== undefined && !tokenMatches(bearerOf(req), ctx.requiredToken))
    return errorResponse(
      'invalid_token',
      "The engine's admin endpoints need the engine's token: send `authorization: Bearer <token>`.",
      trace,
      401,
    );
  const picture = path === '/__engine/uploads' && isImageContent(req);
  if (method !== 'GET' && method !== 'HEAD' && !isJsonContent(req) && !picture)
    return errorResponse(
      'unsupported_media_type',
      'Send admin requests with `content-type: application/json`.',
      trace,
      415,
    );
  return null;
}

/** Answer an admin request. */
export async function admin(
  ctx: EngineContext,
  req: Request,
  path: string,
  method: string,
  trace: string,
): Promise<Response> {
  const route = `${method} ${path}`;
  const refused = guard(ctx, req, path, method, trace);
  if (refused) return refused;
  const body = async (): Promise<Record<string, unknown> | Response> => {
    const read = await readJsonObject(req, undefined, true);
    return read.ok ? read.value : errorResponse(read.code, read.message, trace, read.status);
  };
  switch (route) {
    case 'GET /__engine/state':
      return json(engineState(ctx));
    case 'GET /__engine/pace':
      return json({ success: true, ms: ctx.pace });
    case 'POST /__engine/pace': {
      const b = await body();
      if (b instanceof Response) return b;
      if (typeof b.ms !== 'number' || !Number.isFinite(b.ms) || b.ms < 0 || b.ms > 600_000)
        return errorResponse(
          'bad_request',
          '`ms` must be a number of milliseconds (0–600000)',
          trace,
        );
      setPace(ctx, b.ms);
      return json({ success: true, ms: ctx.pace });
    }
    case 'GET /__engine/faults':
      return json({ success: true, faults: ctx.faults.list() });
    case 'POST /__engine/faults': {
      const b = await body();
      if (b instanceof Response) return b;
      const rule = parseFaultRule(b);
      if (typeof rule === 'string') return errorResponse('bad_request', rule, trace);
      ctx.faults.add(rule);
      return json({ success: true, faults: ctx.faults.list() });
    }
    case 'DELETE /__engine/faults':
      ctx.faults.clear();
      return json({ success: true, faults: [] });
    case 'POST /__engine/token': {
      // Require a token from now on (or none, with null): for the refused-token journey.
      const b = await body();
      if (b instanceof Response) return b;
      if (b.token !== null && (typeof b.token !== 'string' || b.token === ''))
        return errorResponse('bad_request', '`token` must be a non-empty string or null', trace);
      ctx.requiredToken = b.token === null ? undefined : b.token;
      return json({ success: true, token_required: ctx.requiredToken !== undefined });
    }
    case 'POST /__engine/uploads':
      return upload(ctx, req, trace);
    case 'POST /__engine/restart':
      // As if the process died and came back: every task, image and open stream is gone.
      for (const job of ctx.jobs.values()) job.abort();
      ctx.jobs.clear();
      ctx.faults.clear();
      forgetPictures(ctx, () => false);
      return json({ success: true });
    case 'POST /__engine/reset':
      ctx.faults.clear();
      ctx.pace = ctx.options.paceMs ?? DEFAULT_PACE_MS;
      ctx.requiredToken = ctx.options.token;
      forgetPictures(ctx, (id) => ctx.jobs.has(id));
      return json({ success: true });
    default:
      return errorResponse('no_api', `The API ${route} is not found.`, trace, 404);
  }
}
