import type { ServerResponse } from 'node:http';
import { afterEach, expect, it, vi } from 'vitest';
import { cutOnError } from './cut-on-error';

afterEach(() => vi.restoreAllMocks());

/** A body that sends one chunk, then a second one only when `release` is called. */
function slowBody() {
  let release = () => {};
  const second = new Promise<void>((r) => (release = r));
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (sent === 1) await second;
      sent += 1;
      if (sent > 2) controller.close();
      else controller.enqueue(new TextEncoder().encode(`line ${sent}\n`));
    },
  });
  return { response: new Response(body), release };
}

function fakeOutgoing() {
  return { destroy: vi.fn() } as unknown as ServerResponse & { destroy: ReturnType<typeof vi.fn> };
}

it('a client that goes away mid-stream is not logged as a cut stream, and the socket is left alone', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const { response, release } = slowBody();
  const outgoing = fakeOutgoing();
  const reader = cutOnError(response, outgoing).body!.getReader();
  expect((await reader.read()).done).toBe(false);
  const pending = reader.read();
  // Let the wrapper's pull start waiting on the engine, as it does between paced lines.
  await new Promise((r) => setTimeout(r, 10));
  await reader.cancel('client gone');
  release();
  await pending.catch(() => undefined);
  await new Promise((r) => setTimeout(r, 10));
  expect(warn).not.toHaveBeenCalled();
  expect(outgoing.destroy).not.toHaveBeenCalled();
});

it('a body that fails part-way destroys the socket and says so in one line', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  let n = 0;
  const failing = new ReadableStream<Uint8Array>({
    pull(controller) {
      n += 1;
      if (n > 1) throw new Error('engine dropped');
      controller.enqueue(new TextEncoder().encode('line\n'));
    },
  });
  const outgoing = fakeOutgoing();
  const reader = cutOnError(new Response(failing), outgoing).body!.getReader();
  await reader.read();
  await reader.read().catch(() => undefined);
  expect(outgoing.destroy).toHaveBeenCalledOnce();
  expect(warn).toHaveBeenCalledOnce();
  expect(String(warn.mock.calls[0]![0])).toContain('engine dropped');
});
