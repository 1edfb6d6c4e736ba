/**
 * Wait delivery (the default): one JSON reply when the job ends, or a `timeout` error after the
 * request's `timeout` seconds (the job carries on and can be looked up).
 */
import { ERROR_STATUS } from '../../../src/api/contract';
import { CORS_HEADERS, errorResponse, json } from '../responses';
import { InjectedDrop, withFaults, type FaultPlan } from '../../engine/faults';
import type { Body, Job } from '../../engine/job';

function failureStatus(body: Body): number {
  const code = (body.error as { code?: string } | undefined)?.code ?? 'api_error';
  return ERROR_STATUS[code] ?? 500;
}

/** The end body, or `'dropped'` when the fault plan cuts this reply. */
async function outcome(job: Job, fault: FaultPlan | null): Promise<Body | 'dropped'> {
  const events = job.events();
  try {
    for await (const event of withFaults(events, fault))
      if (event.kind === 'end') return event.body;
  } catch (err) {
    if (err instanceof InjectedDrop) return 'dropped';
  } finally {
    await events.return?.();
  }
  // Abandoned by a simulated restart: the job's own end says so.
  return job.done;
}

/** Wait for the job (at most `timeoutS` seconds) and answer with its end. */
export async function waitResponse(
  job: Job,
  fault: FaultPlan | null,
  timeoutS: number,
): Promise<Response> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutS * 1000);
  });
  const body = await Promise.race([outcome(job, fault), timedOut]);
  clearTimeout(timer);
  if (body === 'dropped') {
    const cut = new ReadableStream<Uint8Array>({
      start: (c) => c.error(new InjectedDrop()),
    });
    return new Response(cut, {
      status: 200,
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...CORS_HEADERS },
    });
  }
  if (body === null)
    return errorResponse('timeout', 'Timeout to generate the image.', job.task.trace_id, 504, {
      task_id: job.task.id,
    });
  return json(body, body.success === true ? 200 : failureStatus(body));
}
