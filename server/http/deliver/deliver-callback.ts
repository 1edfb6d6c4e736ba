/**
 * Async delivery (`async: true` or a `callback_url`): the reply is the task id at once; with a
 * callback, the end body (and with an NDJSON accept, every line) is POSTed there, one after
 * another, in order.
 */
import type { EngineContext } from '../../engine/context';
import type { Body, Job } from '../../engine/job';

/** How long one callback POST may take. */
export const CALLBACK_TIMEOUT_MS = 10_000;

/**
 * POST one body. Never to the engine itself (checked again here: a port registered after the
 * request arrived), and a redirect is not followed: a 307 would replay the POST, body and all,
 * wherever it points.
 */
async function postCallback(ctx: EngineContext, url: string, body: Body): Promise<void> {
  if (ctx.own.pointsAtSelf(url, { cdn: true })) {
    ctx.log(`callback to ${url} not sent: it points at this engine`);
    return;
  }
  try {
    const res = await ctx.fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      redirect: 'manual',
      signal: AbortSignal.timeout(CALLBACK_TIMEOUT_MS),
    });
    await res.body?.cancel().catch(() => undefined);
    if (!res.ok) ctx.log(`callback to ${url} answered ${res.status} (redirects are not followed)`);
  } catch (err) {
    ctx.log(`callback to ${url} failed: ${String(err)}`);
  }
}

/** The task id reply. */
export function asyncReply(job: Job): Body {
  return { success: true, task_id: job.task.id, trace_id: job.task.trace_id };
}

/** Send the job's end (and every line when `everyLine`) to `url`, in order. */
export function attachCallbacks(
  ctx: EngineContext,
  job: Job,
  url: string,
  everyLine: boolean,
): void {
  void (async () => {
    try {
      for await (const event of job.events())
        if (everyLine || event.kind === 'end') await postCallback(ctx, url, event.body);
    } catch {
      // A simulated restart abandons the job: nothing more is sent, as after a crash.
    }
  })();
}
