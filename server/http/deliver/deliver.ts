/** Answering a started job the way its request asked: at once, as a stream, or when it ends. */
import type { EngineContext } from '../../engine/context';
import type { FaultPlan } from '../../engine/faults';
import type { Job } from '../../engine/job';
import { json } from '../responses';
import { attachCallbacks, asyncReply } from './deliver-callback';
import { NDJSON, streamResponse } from './deliver-stream';
import { waitResponse } from './deliver-wait';

/** How a started job is answered: at once (async/callback), as a stream, or when it ends. */
export interface Delivery {
  async?: boolean | null;
  callbackUrl?: string | null;
  /** Seconds a waiting reply waits before `timeout` (the job carries on). */
  timeoutS: number;
  /** Whether an NDJSON accept gets the job's lines (false: one JSON object, as videos §10.3). */
  streams: boolean;
}

/** Answer a started job the way imagine does. */
export function deliver(
  ctx: EngineContext,
  req: Request,
  job: Job,
  fault: FaultPlan | null,
  how: Delivery,
): Response | Promise<Response> {
  const ndjson = (req.headers.get('accept') ?? '').toLowerCase().includes(NDJSON);
  if (how.async === true || how.callbackUrl) {
    if (how.callbackUrl) attachCallbacks(ctx, job, how.callbackUrl, ndjson && how.streams);
    return json(asyncReply(job));
  }
  if (ndjson && how.streams) return streamResponse(ctx, job, fault);
  return waitResponse(job, fault, how.timeoutS);
}
