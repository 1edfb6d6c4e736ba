/**
 * A response body that fails part-way (the engine's injected drops, a restart, an upstream that
 * goes away) must reach the client as a cut connection, not as a clean end, so that the studio
 * recovers the job. @hono/node-server does cut it, but logs the error with its stack each time;
 * here the socket is cut directly and one line says why.
 */
import type { ServerResponse } from 'node:http';

/** `res` with a body that, on failure, destroys `outgoing` (the client sees the connection drop). */
export function cutOnError(res: Response, outgoing: ServerResponse | undefined): Response {
  if (!res.body || !outgoing) return res;
  const reader = res.body.getReader();
  // Set when the client went away first: the read then ends, and there is nothing to cut or say.
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (err) {
        if (cancelled) return;
        console.warn(`[studio] a stream was cut: ${err instanceof Error ? err.message : 'error'}`);
        // Destroyed first, so that closing the body can no longer end the response cleanly.
        outgoing.destroy();
        controller.close();
      }
    },
    cancel: (reason) => {
      cancelled = true;
      return reader.cancel(reason);
    },
  });
  return new Response(body, {
    status: res.status,
    statusText: res.statusText,
    headers: res.headers,
  });
}
