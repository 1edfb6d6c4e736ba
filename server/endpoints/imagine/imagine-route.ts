/** `POST /midjourney/imagine`: check the request, plan the work, start the job, deliver it. */
import { randomUUID } from 'node:crypto';
import { imagineRequestSchema } from '../../../src/api/contract';
import { attachCallbacks, asyncReply } from '../../http/deliver/deliver-callback';
import { NDJSON, streamResponse } from '../../http/deliver/deliver-stream';
import { waitResponse } from '../../http/deliver/deliver-wait';
import type { EngineContext } from '../../engine/context';
import { fetchImage } from '../../engine/fetch-image';
import { startJob } from '../../engine/run-job';
import type { TaskRecord } from '../../engine/task-store';
import {
  actionAllowed,
  decodeMask,
  planAction,
  planGenerate,
  type Plan,
} from '../../pictures/actions';
import { MAX_PROMPT_CHARS } from '../../http/endpoint-util';
import { errorResponse, json, readJsonObject } from '../../http/http-util';
import type { Endpoint } from '../endpoint';
import { promptUrls, selfUrlProblem } from '../../http/self-urls';

const TOKEN_KEYS = /^(token|authorization|api[_-]?key|access[_-]?token)$/i;

/** Answer an imagine request (auth already checked). */
export async function imagine(
  ctx: EngineContext,
  req: Request,
  url: URL,
  headerTrace: string,
): Promise<Response> {
  const { store, limit } = ctx;
  const fault = ctx.faults.take();
  if (fault?.error)
    return errorResponse(fault.error.code, fault.error.message, headerTrace, fault.error.status);
  const read = await readJsonObject(req);
  if (!read.ok) return errorResponse(read.code, read.message, headerTrace);
  const raw = read.value;
  const traceId = typeof raw.trace_id === 'string' && raw.trace_id ? raw.trace_id : headerTrace;
  const bad = (message: string): Response => errorResponse('bad_request', message, traceId);
  const parsed = imagineRequestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'body';
    if (field === 'mode') return bad('mode must be one of fast, relax, turbo');
    return bad(`Invalid \`${field}\`: ${issue?.message ?? 'bad value'}`);
  }
  const request = parsed.data;
  const action = request.action ?? 'generate';
  if (request.prompt !== undefined && request.prompt.length > MAX_PROMPT_CHARS)
    return bad(
      `The prompt is ${request.prompt.length} characters long; the limit is ${MAX_PROMPT_CHARS}. Shorten it.`,
    );

  let plan: Plan;
  if (action === 'generate') {
    plan = planGenerate(request.prompt, {
      store,
      limit,
      fetchImage: (u: string) => fetchImage(ctx, u),
    });
  } else {
    if (!request.image_id) return bad(`image_id is required for action \`${action}\``);
    const image = store.getImage(request.image_id);
    if (!image)
      return bad(
        `Image ${request.image_id} was not found, so action \`${action}\` cannot be applied to it`,
      );
    if (!actionAllowed(image, action)) {
      const available = [...image.actions];
      if (image.actions.includes('variation_subtle')) available.push('variation_region');
      return bad(
        `Action \`${action}\` is not available for image ${image.imageId}; available: ${available.join(', ')}`,
      );
    }
    let mask: Buffer | undefined;
    if (action === 'variation_region') {
      const decoded = await decodeMask(
        request.mask,
        { imageId: image.imageId, width: image.picture.width, height: image.picture.height },
        limit,
      );
      if (typeof decoded === 'string') return bad(decoded);
      mask = decoded;
    }
    plan = planAction(action, image, request.prompt, mask);
  }
  if (!plan.ok) return bad(plan.message);

  const callbackUrl = request.callback_url;
  if (callbackUrl !== undefined && !/^https?:\/\/\S+$/i.test(callbackUrl))
    return bad('callback_url must be an http(s) URL');
  const self = selfUrlProblem(ctx, req, [
    ...promptUrls(request.prompt),
    { field: 'callback_url', url: callbackUrl, callback: true },
  ]);
  if (self) return bad(self);

  const echo: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) if (!TOKEN_KEYS.test(key)) echo[key] = value;
  const task: TaskRecord = {
    requestBytes: JSON.stringify(echo).length,
    id: randomUUID(),
    trace_id: traceId,
    type: 'imagine',
    created_at: ctx.now() / 1000,
    request: echo,
    state: 'pending',
    attachments: new Set(),
    images: new Set(),
  };
  const job = startJob(
    ctx,
    { task, work: plan.work, origin: url.origin, split: request.split_images === true },
    fault,
  );

  const ndjson = (req.headers.get('accept') ?? '').toLowerCase().includes(NDJSON);
  if (request.async === true || callbackUrl) {
    if (callbackUrl) attachCallbacks(ctx, job, callbackUrl, ndjson);
    return json(asyncReply(job));
  }
  if (ndjson) return streamResponse(ctx, job, fault);
  return waitResponse(job, fault, request.timeout && request.timeout > 0 ? request.timeout : 480);
}

/** The registry's entry. */
export const imagineEndpoint: Endpoint = { name: 'imagine', handle: imagine };
