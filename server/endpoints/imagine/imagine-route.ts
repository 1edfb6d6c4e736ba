/** `POST /midjourney/imagine`: check the request, plan the work, start the job, deliver it. */
import { imagineRequestSchema } from '../../../src/api/contract';
import type { EngineContext } from '../../engine/context';
import { fetchImage } from '../../engine/fetch-image';
import { startJob } from '../../engine/run-job';
import {
  actionAllowed,
  decodeMask,
  planAction,
  planGenerate,
  type Plan,
} from '../../engine/pictures/actions';
import { deliver } from '../../http/deliver/deliver';
import { openRequest, type BodyIssue } from '../../http/open-request';
import { newTask } from '../../http/task-record';
import type { Endpoint } from '../endpoint';
import { promptUrls, selfUrlProblem } from '../../http/self-urls';

/** Imagine's own wording of a schema issue (the provider's, for `mode`). */
function wordIssue({ field, message }: BodyIssue): string {
  if (field === 'mode') return 'mode must be one of fast, relax, turbo';
  return `Invalid \`${field}\`: ${message}`;
}

/** Answer an imagine request (auth already checked). */
export async function imagine(
  ctx: EngineContext,
  req: Request,
  url: URL,
  headerTrace: string,
): Promise<Response> {
  const { store, limit } = ctx;
  const opened = await openRequest(ctx, req, headerTrace, imagineRequestSchema, {
    prompt: { field: 'prompt', named: 'The prompt' },
    callback: true,
    wordIssue,
  });
  if (!opened.ok) return opened.response;
  const { fault, data: request, raw, traceId, bad } = opened;
  const action = request.action ?? 'generate';

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

  const self = selfUrlProblem(ctx, req, [
    ...promptUrls(request.prompt),
    { field: 'callback_url', url: request.callback_url, callback: true },
  ]);
  if (self) return bad(self);

  const task = newTask(ctx, 'imagine', raw, traceId);
  const job = startJob(
    ctx,
    { task, work: plan.work, origin: url.origin, split: request.split_images === true },
    fault,
  );
  return deliver(ctx, req, job, fault, {
    async: request.async,
    callbackUrl: request.callback_url,
    timeoutS: request.timeout && request.timeout > 0 ? request.timeout : 480,
    streams: true,
  });
}

/** The registry's entry. */
export const imagineEndpoint: Endpoint = { name: 'imagine', handle: imagine };
