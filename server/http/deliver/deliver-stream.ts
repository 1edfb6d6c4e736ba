/**
 * Stream delivery (`accept: application/x-ndjson`): every line of the job as it comes, then the
 * end body. The client leaving only ends this reading of the job.
 */
import { CORS_HEADERS } from '../responses';
import type { EngineContext } from '../../engine/context';
import { withFaults, type FaultPlan } from '../../engine/faults';
import type { Job } from '../../engine/job';

/** The NDJSON media type. */
export const NDJSON = 'application/x-ndjson';

const encoder = new TextEncoder();

/** An NDJSON response following `job`, under the request's fault plan. */
export function streamResponse(ctx: EngineContext, job: Job, fault: FaultPlan | null): Response {
  const events = job.events();
  const lines = withFaults(events, fault);
  let counted = true;
  ctx.openStreams += 1;
  const release = (): void => {
    if (counted) ctx.openStreams -= 1;
    counted = false;
    // Unsubscribe from the job at once, even while the faulty reader waits for a line.
    void events.return?.();
  };
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await lines.next();
        if (next.done === true) {
          release();
          controller.close();
          return;
        }
        const item = next.value;
        const text = item.kind === 'raw' ? item.text : JSON.stringify(item.body);
        controller.enqueue(encoder.encode(`${text}\n`));
        if (item.kind === 'end') {
          release();
          controller.close();
        }
      } catch (err) {
        release();
        controller.error(err);
      }
    },
    cancel() {
      release();
    },
  });
  return new Response(stream, {
    status: 200,
    headers: {
      'content-type': NDJSON,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'x-accel-buffering': 'no',
      ...CORS_HEADERS,
    },
  });
}
